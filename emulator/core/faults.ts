// Injected faults (latency, errors) and per-operation call counts for the control API.
import { z } from "zod";
import { ApiError } from "./contract";

const status = z.number().int().min(400).max(599);

const weightedErrorSchema = z.object({
  code: z.string().min(1),
  httpStatus: status.optional(),
  /** Relative share among the fault's errors. */
  weight: z.number().positive().default(1),
  message: z.string().min(1).optional(),
});

export const faultSchema = z
  .object({
    operation: z.string().min(1),
    /** Fixed latency, or the low end when latencyMaxMs is set. */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** With it, latency is uniform in [latencyMs, latencyMaxMs]. */
    latencyMaxMs: z.number().int().min(0).max(60_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    /** One error for every failed call (the older form). */
    errorCode: z.string().min(1).optional(),
    httpStatus: status.optional(),
    /** A mix of errors: each failed call draws one by weight. */
    errors: z.array(weightedErrorSchema).min(1).max(20).optional(),
    /** Makes this fault's draws reproducible. */
    seed: z.number().int().optional(),
  })
  .refine((f) => f.latencyMaxMs === undefined || f.latencyMaxMs >= (f.latencyMs ?? 0), { message: "must be at least latencyMs", path: ["latencyMaxMs"] })
  .refine((f) => !(f.errors && (f.errorCode || f.httpStatus)), { message: "give either errors or errorCode/httpStatus, not both", path: ["errors"] });
export type Fault = z.infer<typeof faultSchema>;

/** What one call meets: a delay, then maybe an error. */
export interface FaultPlan {
  latencyMs: number;
  error?: ApiError;
}

/** Small seeded PRNG (mulberry32): the same seed gives the same draws. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function defaultStatus(code: string): number {
  if (code.includes("Throttling")) return 400;
  if (code === "ServiceUnavailable") return 503;
  return 500;
}

function defaultMessage(code: string): string {
  if (code.includes("Throttling")) return "Request was denied due to user flow control.";
  if (code === "ServiceUnavailable") return "The request has failed due to a temporary failure of the server.";
  return "The request processing has failed due to some unknown error.";
}

interface ArmedFault {
  fault: Fault;
  random: () => number;
}

export class Faults {
  private readonly byOperation = new Map<string, ArmedFault>();
  private readonly now: () => Date;
  private readonly random: () => number;
  private calls: Record<string, number> = {};
  private since: Date;

  constructor(o: { random?: () => number; now?: () => Date } = {}) {
    this.random = o.random ?? Math.random;
    this.now = o.now ?? (() => new Date());
    this.since = this.now();
  }

  set(f: Fault): void {
    this.byOperation.set(f.operation, { fault: f, random: f.seed === undefined ? this.random : seededRandom(f.seed) });
  }
  clear(): void {
    this.byOperation.clear();
  }
  list(): Fault[] {
    return [...this.byOperation.values()].map((a) => a.fault);
  }

  count(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }
  stats(): { since: string; total: number; calls: Record<string, number> } {
    const total = Object.values(this.calls).reduce((a, b) => a + b, 0);
    return { since: this.since.toISOString(), total, calls: { ...this.calls } };
  }
  resetStats(): void {
    this.calls = {};
    this.since = this.now();
  }

  /** Draws what the next call of `operation` meets (the operation's own fault, else `*`). */
  plan(operation: string): FaultPlan {
    const armed = this.byOperation.get(operation) ?? this.byOperation.get("*");
    if (!armed) return { latencyMs: 0 };
    const { fault: f, random } = armed;
    const low = f.latencyMs ?? 0;
    const latencyMs = f.latencyMaxMs === undefined ? low : low + random() * (f.latencyMaxMs - low);
    if (!f.errorRate || random() >= f.errorRate) return { latencyMs };
    const picked = f.errors ? pick(f.errors, random()) : { code: f.errorCode ?? "Throttling.User", httpStatus: f.httpStatus, message: undefined };
    return { latencyMs, error: new ApiError(picked.httpStatus ?? defaultStatus(picked.code), picked.code, picked.message ?? defaultMessage(picked.code)) };
  }

  /** Waits the drawn latency, then throws the drawn error, if any. */
  async apply(operation: string): Promise<void> {
    const p = this.plan(operation);
    if (p.latencyMs > 0) await new Promise((r) => setTimeout(r, p.latencyMs));
    if (p.error) throw p.error;
  }
}

function pick<T extends { weight: number }>(items: T[], r: number): T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  let at = r * total;
  for (const i of items) {
    at -= i.weight;
    if (at < 0) return i;
  }
  return items[items.length - 1];
}
