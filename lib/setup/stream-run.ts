import "server-only";
import { toAppError } from "../errors/from";
import { logUnexpected, NO_STORE } from "../http/error-response";
import type { ApplyRun } from "./apply-plan";

// A plan's progress as NDJSON, one line per event, so the page shows each step as it finishes:
// {"type":"plan","steps":[…]} · {"type":"step",…} per step · {"type":"done","ok",…} or {"type":"error","error"}.

export function streamRun(apply: ApplyRun, where: string): Response {
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
        send({ type: "error", error: known ? known.toJSON() : { code: "internal_error", message: "The console failed to finish. Quote the reference when you report it.", reference: logUnexpected(err, where) } });
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "application/x-ndjson; charset=utf-8", ...NO_STORE } });
}
