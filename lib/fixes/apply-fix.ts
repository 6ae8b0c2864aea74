import "server-only";
import { requirePermission, type Actor } from "../actor";
import { TtlCache } from "../async/ttl-cache";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { tags } from "../inventory/cache-tags";
import { createInventoryDeps } from "../inventory/deps";
import type { ApprovalDeps } from "../approvals/deps";
import { refuseSelfGrant, isOwnRamUser } from "../approvals/grantee";
import type { BoundedDuration } from "../request-workflow";
import { whileClaimed } from "../writes/claim";
import { runPlan, type PlanOutcome } from "../writes/run-plan";
import { grantThroughRequest, type FiledGrant } from "./grant-through-request";
import { loadFixes } from "./load-fixes";
import type { PlannedFix } from "./plan-fix";

export interface FixOutcome extends PlanOutcome {
  fix: Pick<PlannedFix, "id" | "kind" | "title" | "message" | "redeploys" | "preview">;
  /** The PassRole request a `grant-passrole` fix filed and granted. */
  request?: FiledGrant;
}

/**
 * Applies one of the service's fixes (admins), with the cloud and the request workflow that a
 * PassRole grant goes through. The plan is built again from the account as it
 * is now, never from the cache; with `token` (the preview's) a plan that differs from what was
 * previewed is refused as a conflict, and the cached reads are dropped so the next preview is new.
 * The token is claimed before the account is read: of applies racing on one preview, one runs and
 * the others get `conflict` without a cloud write. A fix that would attach a policy to the
 * admin's own RAM user (a PassRole grant to themselves) is refused as `self_approval`.
 * `duration` is for `grant-passrole` only, which files a pre-approved PassRole request for it.
 */
export async function applyFix(deps: ApprovalDeps, actor: Actor, region: string, name: string, id: string, confirm: { token?: string; duration?: BoundedDuration }): Promise<FixOutcome> {
  requirePermission(actor, "cloud:write");
  const { token } = confirm;
  if (token !== undefined) return whileClaimed(deps.writes, token, () => planAndApply(deps, actor, region, name, id, confirm));
  return planAndApply(deps, actor, region, name, id, confirm);
}

async function planAndApply(deps: ApprovalDeps, actor: Actor, region: string, name: string, id: string, confirm: { token?: string; duration?: BoundedDuration }): Promise<FixOutcome> {
  const { token, duration } = confirm;
  const fresh = createInventoryDeps(deps.inventory.cloud, { ttlMs: deps.inventory.ttlMs, cache: new TtlCache() });
  const { fixes, facts } = await loadFixes(fresh, actor, region, name, { duration });
  const fix = fixes.find((f) => f.id === id);
  const stale = () => {
    deps.inventory.cache.invalidate({ tags: [tags.service(region, name), tags.ramAggregate, ...(facts.use.roleName ? [tags.role(facts.use.roleName)] : [])] });
  };
  if (!fix) {
    stale();
    throw new AppError("conflict", "fixes.noLongerOffered", { values: { name, id }, fields: { id: rule("fixOffered") } });
  }
  if (duration !== undefined && !fix.plan.grant) throw AppError.invalid({ duration: rule("durationGrantOnly") });
  if (token !== undefined && token !== fix.preview.token) {
    stale();
    throw new AppError("conflict", "fixes.previewStale", { fields: { token: rule("previewToken") } });
  }
  const ownUser = fix.plan.steps.find((s) => s.operation === "AttachPolicyToUser" && isOwnRamUser(actor, s.target));
  if (ownUser) {
    await refuseSelfGrant(deps.writes.audit, actor, fix.plan.target, { reason: "own_ram_user", ramUser: ownUser.target, fix: fix.id }, { key: "fixes.selfGrant", values: { ramUser: ownUser.target } });
  }
  const shown = { id: fix.id, kind: fix.kind, title: fix.title, message: fix.message, redeploys: fix.redeploys, preview: fix.preview };
  if (fix.plan.grant) {
    const { grant } = fix.plan;
    const run = () => grantThroughRequest(deps, actor, fix, grant);
    const out = await (token === undefined ? whileClaimed(deps.writes, fix.preview.token, run) : run());
    return { ...out, fix: shown };
  }
  const run = () => runPlan(deps.writes, actor, fix.plan, { token: fix.preview.token });
  const outcome = await (token === undefined ? whileClaimed(deps.writes, fix.preview.token, run) : run());
  return { ...outcome, fix: shown };
}
