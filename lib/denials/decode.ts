// Decoding refused calls' messages through RAM, bounded: one decode per distinct message (cached,
// and shared while in flight), a few at a time across every page being rendered.
import { Limiter } from "../async/pool";
import { CloudError, type CloudErrorShape, type DecodedDiagnostic, type RamGateway } from "../cloud/types";

export type DecodeOutcome =
  | { ok: true; decoded: DecodedDiagnostic }
  | {
      ok: false;
      /** `console-denied`: the console itself may not call ram:DecodeDiagnosticMessage. */
      reason: "console-denied" | "other-account" | "invalid" | "failed";
      cloud: Pick<CloudErrorShape, "code" | "requestId">;
    };

const MAX_ENTRIES = 1000;
// A refusal to decode may be cured by an admin granting the read; asked again after a minute.
const FAILURE_TTL_MS = 60_000;
const limiter = new Limiter(4);
const cache = new Map<string, { at: number; outcome: Promise<DecodeOutcome> }>();

function reasonOf(e: CloudError): Extract<DecodeOutcome, { ok: false }>["reason"] {
  if (e.code === "NoPermission" || e.httpStatus === 403) return "console-denied";
  if (e.code === "NotSupport") return "other-account";
  if (e.code.startsWith("InvalidParameter") || e.code === "MissingParameter") return "invalid";
  return "failed";
}

async function decodeOnce(ram: RamGateway, message: string): Promise<DecodeOutcome> {
  try {
    return { ok: true, decoded: await limiter.run(() => ram.decodeDiagnosticMessage(message)) };
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    return { ok: false, reason: reasonOf(err), cloud: { code: err.code, ...(err.requestId ? { requestId: err.requestId } : {}) } };
  }
}

/** The decoded message, or why the console could not decode it. */
export function decodeMessage(ram: RamGateway, message: string, now: () => number = Date.now): Promise<DecodeOutcome> {
  const hit = cache.get(message);
  if (hit) {
    const fresh = now() - hit.at < FAILURE_TTL_MS;
    if (fresh) return hit.outcome;
    // Successes never change; only a failure is asked again once it is old.
    const settled = hit.outcome.then((o) => (o.ok ? o : undefined));
    return settled.then((o) => o ?? refresh(ram, message, now));
  }
  return refresh(ram, message, now);
}

function refresh(ram: RamGateway, message: string, now: () => number): Promise<DecodeOutcome> {
  const outcome = decodeOnce(ram, message);
  cache.set(message, { at: now(), outcome });
  outcome.catch(() => cache.delete(message));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return outcome;
}
