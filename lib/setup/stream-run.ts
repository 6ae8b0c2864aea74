import "server-only";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, requestLocale, type Locale } from "@/i18n/config";
import { AppError } from "../errors/app-error";
import { toAppError } from "../errors/from";
import { logUnexpected, NO_STORE } from "../http/error-response";
import type { ApplyRun } from "./apply-plan";

// A plan's progress as NDJSON, one line per event, so the page shows each step as it finishes:
// {"type":"plan","steps":[…]} · {"type":"step",…} per step · {"type":"done","ok",…} or {"type":"error","error"}.

/** The reader's language, read while the request is still in scope (the stream outlives it). */
async function readerLocale(): Promise<Locale> {
  try {
    return requestLocale(await headers());
  } catch {
    return DEFAULT_LOCALE;
  }
}

export async function streamRun(apply: ApplyRun, where: string): Promise<Response> {
  const locale = await readerLocale();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      send({ type: "plan", steps: apply.plan.steps.map(({ id, operation, target }) => ({ id, operation, target })) });
      try {
        const outcome = await apply.run((step) => send({ type: "step", step }));
        send({ type: "done", ok: outcome.ok, steps: outcome.steps, requestIds: outcome.requestIds, audit: { id: outcome.audit.id } });
      } catch (err) {
        const known = toAppError(err);
        send({ type: "error", error: known ? known.toJSON(locale) : { ...new AppError("internal_error", "internal").toJSON(locale), reference: logUnexpected(err, where) } });
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "application/x-ndjson; charset=utf-8", ...NO_STORE } });
}
