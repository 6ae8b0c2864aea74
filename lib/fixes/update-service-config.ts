import "server-only";
import { mergePatch, type Json } from "./merge-patch";
import { pretty, serviceTarget, type FixContext } from "./context";
import type { PlanStep } from "../writes/plan";

/**
 * UpdateService with a JSON merge patch, which redeploys the service. The preview is the config
 * before and after; a retry skips the step when the config already holds the patch.
 */
export function updateServiceStep(ctx: FixContext, patch: Record<string, Json>, done: (config: Record<string, unknown>) => boolean): PlanStep {
  const { region } = ctx;
  const name = ctx.service.serviceName;
  const before = JSON.parse(ctx.service.serviceConfig) as Json;
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
