import "server-only";
import { requirePermission, type Actor } from "../actor";
import type { AuditInput } from "../audit/audit-log";
import type { AuditEntry, PlanClaimStore } from "../db/types";
import type { Cloud, CloudErrorShape } from "../cloud/types";
import { toCloudError } from "../cloud/call";
import { assertCloudWritable } from "../cloud/read-only";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import type { CloudChange } from "../inventory/cache-tags";
import { previewPlan, type WritePlan } from "./plan";

export interface WriteDeps {
  cloud: Cloud;
  audit: { append(input: AuditInput): Promise<AuditEntry> };
  invalidate(changes: CloudChange[]): void;
  /** The console runs with ROLESCOPE_READ_ONLY: every cloud write is refused. */
  readOnly: boolean;
  /** Where an apply claims its plan's token (see ./claim.ts). */
  claims: PlanClaimStore;
}

export interface StepOutcome {
  id: string;
  operation: string;
  target: string;
  state: "done" | "skipped" | "failed" | "not_run";
  requestId?: string;
  error?: CloudErrorShape;
}

export interface PlanOutcome {
  ok: boolean;
  steps: StepOutcome[];
  requestIds: string[];
  audit: AuditEntry;
}

/**
 * Applies a previewed plan: an admin only, the confirmation naming the preview's token, steps one
 * by one (a step the account already satisfies is skipped, so a retry resumes where a failure
 * stopped), the cache dropped for what each done step changed, one audit entry for the run.
 */
export async function runPlan(
  deps: WriteDeps,
  actor: Actor,
  plan: WritePlan,
  confirm: { token: string },
  onStep?: (s: StepOutcome) => void,
): Promise<PlanOutcome> {
  requirePermission(actor, "cloud:write");
  assertCloudWritable(deps.readOnly);
  const preview = previewPlan(plan);
  if (confirm.token !== preview.token) {
    throw new AppError("conflict", "writes.planStale", {
      fields: { token: rule("previewToken") },
    });
  }
  const outcomes: StepOutcome[] = plan.steps.map((s) => ({ id: s.id, operation: s.operation, target: s.target, state: "not_run" }));
  for (const [i, step] of plan.steps.entries()) {
    const out = outcomes[i];
    try {
      if (step.alreadyDone && (await step.alreadyDone(deps.cloud))) {
        out.state = "skipped";
      } else {
        out.requestId = (await step.run(deps.cloud)).requestId;
        out.state = "done";
        deps.invalidate(step.changes);
      }
    } catch (err) {
      const e = toCloudError(err);
      out.state = "failed";
      out.error = e.toJSON();
      if (e.requestId) out.requestId = e.requestId;
      onStep?.(out);
      break;
    }
    onStep?.(out);
  }
  const ok = outcomes.every((o) => o.state === "done" || o.state === "skipped");
  const requestIds = outcomes.flatMap((o) => (o.requestId ? [o.requestId] : []));
  const audit = await deps.audit.append({
    actor: actor.username,
    action: plan.action,
    target: plan.target,
    outcome: ok ? "success" : "failure",
    requestId: requestIds.at(-1),
    detail: { title: plan.title, token: preview.token, ...(plan.rollback ? { rollback: plan.rollback } : {}), steps: outcomes.map(({ id, operation, target, state, requestId, error }) => ({ id, operation, target, state, requestId, ...(error ? { error: error.code } : {}) })) },
  });
  return { ok, steps: outcomes, requestIds, audit };
}
