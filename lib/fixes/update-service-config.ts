import "server-only";
import { mergePatch, type Json } from "./merge-patch";
import { pretty, serviceTarget, type FixContext } from "./context";
import type { PlanStep } from "../writes/plan";

/**
 * Every top-level key the change touches, sent whole (all of `metadata` with the new key): the
 * docs show UpdateService's merge only at the top level, and a shallow merge of
 * `{"metadata":{"workspace_id"}}` would drop `metadata.instance`, `cpu` and `memory`. Sent whole,
 * a shallow merge and a deep one leave the same config.
 */
function wholeTopLevel(before: Json, change: Record<string, Json>): Record<string, Json> {
  const current = typeof before === "object" && before !== null && !Array.isArray(before) ? before : {};
  return Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === null ? null : mergePatch(current[k] ?? null, v)]));
}

/**
 * UpdateService with a merge of whole top-level keys, which redeploys the service. The preview is
 * the config before and after; a retry skips the step when the config already holds the change.
 */
export function updateServiceStep(ctx: FixContext, change: Record<string, Json>, done: (config: Record<string, unknown>) => boolean): PlanStep {
  const { region } = ctx;
  const name = ctx.service.serviceName;
  const before = JSON.parse(ctx.service.serviceConfig) as Json;
  const patch = wholeTopLevel(before, change);
  const body = JSON.stringify(patch);
  return {
    id: "update-service",
    operation: "UpdateService",
    service: "EAS",
    target: serviceTarget(ctx),
    params: { ClusterId: region, ServiceName: name, UpdateType: "merge", body: patch },
    change: { before: pretty(ctx.service.serviceConfig), after: JSON.stringify(mergePatch(before, patch), null, 2) },
    run: (c) => c.eas.updateService(region, name, body, "merge"),
    alreadyDone: async (c) => done(JSON.parse((await c.eas.describeService(region, name)).serviceConfig) as Record<string, unknown>),
    changes: [{ kind: "service", region, name }],
  };
}
