import "server-only";
import type { Actor } from "../actor";
import type { ApprovalDeps } from "../approvals/deps";
import { fileApprovedRequest } from "../approvals/file-approved-request";
import { grantApproved } from "../approvals/grant";
import type { RequestState } from "../request-workflow";
import type { PlanOutcome } from "../writes/run-plan";
import { say, type FixGrant } from "./catalog";
import type { PlannedFix } from "./plan-fix";

/** The request a `grant-passrole` fix filed, as its answer names it. */
export interface FiledGrant {
  id: string;
  state: RequestState;
  policyName: string;
  expiresAt: string | null;
}

/**
 * Applies `grant-passrole`: files the PassRole request, approved by the admin applying the fix,
 * and runs its grant through the approval path's own code, so what RAM holds is the request's
 * policy. The fix's audit entry (on the service) names the request; the request's own entries
 * say it was filed and approved through this fix.
 */
export async function grantThroughRequest(deps: ApprovalDeps, actor: Actor, fix: PlannedFix, grant: FixGrant): Promise<PlanOutcome & { request: FiledGrant }> {
  const service = fix.plan.target;
  const approved = await fileApprovedRequest(deps, actor, {
    roleName: grant.roleName,
    roleArn: grant.roleArn,
    ramUser: grant.ramUser,
    duration: grant.duration,
    // Kept by the store as written, in the one language of the audit log (as the policy's description).
    reason: say("fix.grantReason", { service }),
    via: { via: "fix", fix: fix.id, service },
    target: service,
  });
  const seen: { run?: PlanOutcome } = {};
  const r = await grantApproved(deps, actor, approved, (o) => (seen.run = o));
  const ok = r.state === "granted";
  const steps = seen.run?.steps ?? [];
  const requestIds = seen.run?.requestIds ?? r.grantRequestIds;
  const audit = await deps.writes.audit.append({
    actor: actor.username,
    action: fix.plan.action,
    target: service,
    outcome: ok ? "success" : "failure",
    requestId: requestIds.at(-1),
    detail: {
      title: fix.plan.title,
      token: fix.preview.token,
      request: r.id,
      state: r.state,
      policyName: r.policyName,
      expiresAt: r.expiresAt,
      steps: steps.map(({ id, operation, target, state, requestId, error }) => ({ id, operation, target, state, requestId, ...(error ? { error: error.code } : {}) })),
    },
  });
  return { ok, steps, requestIds, audit, request: { id: r.id, state: r.state, policyName: r.policyName, expiresAt: r.expiresAt } };
}
