import "server-only";
import { requirePermission, type Actor } from "../actor";
import { TtlCache } from "../async/ttl-cache";
import { CloudError, type PolicyType } from "../cloud/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { tags } from "../inventory/cache-tags";
import { createInventoryDeps, type InventoryDeps } from "../inventory/deps";
import { fetchRolePolicies } from "../inventory/fetch";
import { serializePolicy } from "../policy";
import { whileClaimed } from "../writes/claim";
import { previewPlan, type PlanPreview, type PlanStep, type WritePlan } from "../writes/plan";
import { runPlan, type PlanOutcome, type WriteDeps } from "../writes/run-plan";
import { loadRoleActivity, type RoleActivityReport } from "./load-role-activity";

// Applying the right-sized policy: create it, attach it, detach what it replaces, as one
// previewed, audited plan. It is offered only when the proposal is proven to grant nothing new
// and the console saw the whole window; the audit entry carries the rollback (re-attach what was
// detached, detach the new policy).

interface RightSizeSummary {
  dropped: number;
  kept: number;
  granted: number;
  /** Granted patterns with a wildcard (`oss:*`): each stands for many actions. */
  wildcards: number;
  deployNeeds: string[];
  replaces: { policyName: string; policyType: PolicyType }[];
  policyName: string;
}

export interface RightSizeOffer {
  preview: PlanPreview;
  summary: RightSizeSummary;
}

type RightSizeRefusal = { key: "rightSize.partial" | "rightSize.ossUnseen" | "rightSize.notProven" | "rightSize.nothingKept"; values: Record<string, string | number> };

// FNV-1a: the policy's name carries a hash of its document, so a policy of that name is this one.
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** Why the proposal may not be applied, or undefined when it may. */
function refusalOf(r: RoleActivityReport): RightSizeRefusal | undefined {
  const role = r.role;
  const c = r.coverage;
  if (c.daysSeen < c.days || c.gaps.some((g) => g.kind !== "audit_unavailable")) return { key: "rightSize.partial", values: { role, seen: c.daysSeen, days: c.days, gaps: c.gaps.length } };
  if (!c.ossDataEvents && r.proposal.grantedActions.some((a) => /^(oss:|\*$)/i.test(a))) return { key: "rightSize.ossUnseen", values: { role } };
  if (r.proposal.noNewAccess.holds !== true) return { key: "rightSize.notProven", values: { role } };
  if (!r.proposal.document.Statement.some((s) => s.Effect === "Allow")) return { key: "rightSize.nothingKept", values: { role, days: r.days } };
  return undefined;
}

/** The plan that replaces the role's attached policies with the proposal. */
function rightSizePlan(r: RoleActivityReport, attached: { policyName: string; policyType: PolicyType }[]): { plan: WritePlan; summary: RightSizeSummary } {
  const doc = serializePolicy(r.proposal.document);
  const policyName = `${r.role.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 48)}-right-sized-${fnv(doc)}`;
  const description = `What ${r.role} used in ${r.days} days and what its EAS services need at deploy (RoleScope)`;
  const replaces = attached.filter((p) => !(p.policyType === "Custom" && p.policyName === policyName));
  const names = attached.map((p) => `${p.policyType}:${p.policyName}`);
  const steps: PlanStep[] = [
    {
      id: "create-policy",
      operation: "CreatePolicy",
      service: "RAM",
      target: policyName,
      params: { PolicyName: policyName, PolicyDocument: doc, Description: description },
      change: { before: "", after: serializePolicy(r.proposal.document, { pretty: true }) },
      run: (c) => c.ram.createPolicy({ policyName, policyDocument: doc, description }),
      alreadyDone: (c) => c.ram.getPolicy(policyName, "Custom").then(() => true, (e) => (e instanceof CloudError && e.code.startsWith("EntityNotExist") ? false : Promise.reject(e))),
      changes: [{ kind: "policy", name: policyName }],
    },
    {
      id: "attach-policy",
      operation: "AttachPolicyToRole",
      service: "RAM",
      target: r.role,
      params: { PolicyType: "Custom", PolicyName: policyName, RoleName: r.role },
      change: { before: names.join("\n"), after: [...names, `Custom:${policyName}`].join("\n") },
      run: (c) => c.ram.attachPolicyToRole({ policyName, policyType: "Custom", roleName: r.role }),
      alreadyDone: async (c) => (await c.ram.listPoliciesForRole(r.role)).some((p) => p.policyName === policyName && p.policyType === "Custom"),
      changes: [{ kind: "role-policies", name: r.role }],
    },
    ...replaces.map((p): PlanStep => ({
      id: `detach-${p.policyType.toLowerCase()}-${p.policyName}`,
      operation: "DetachPolicyFromRole",
      service: "RAM",
      target: r.role,
      params: { PolicyType: p.policyType, PolicyName: p.policyName, RoleName: r.role },
      run: (c) => c.ram.detachPolicyFromRole({ policyName: p.policyName, policyType: p.policyType, roleName: r.role }),
      alreadyDone: async (c) => !(await c.ram.listPoliciesForRole(r.role)).some((x) => x.policyName === p.policyName && x.policyType === p.policyType),
      changes: [{ kind: "role-policies", name: r.role }],
    })),
  ];
  return {
    plan: {
      action: "role.right_size",
      target: r.role,
      title: `Right-size ${r.role}: ${policyName} replaces ${replaces.map((p) => p.policyName).join(", ") || "nothing"}`,
      steps,
      rollback: { attach: replaces, detach: [{ policyName, policyType: "Custom" }] },
    },
    summary: {
      dropped: r.proposal.droppedActions.length,
      kept: r.proposal.keptActions.length,
      granted: r.proposal.grantedActions.length,
      wildcards: r.proposal.grantedActions.filter((a) => a.includes("*")).length,
      deployNeeds: r.proposal.deployNeeds,
      replaces,
      policyName,
    },
  };
}

/** The preview of the right-sizing, or why it is not offered. */
export async function offerRightSize(deps: InventoryDeps, r: RoleActivityReport): Promise<{ offer?: RightSizeOffer; refused?: RightSizeRefusal }> {
  const refused = refusalOf(r);
  if (refused) return { refused };
  const attached = await fetchRolePolicies(deps, r.role);
  const { plan, summary } = rightSizePlan(r, attached.map((p) => ({ policyName: p.policyName, policyType: p.policyType })));
  return { offer: { preview: previewPlan(plan), summary } };
}

/**
 * Applies the right-sizing (admins) from the account as it is now, never from the cache: the
 * confirmed token must match the plan built afresh, or it is a conflict and the cache is dropped.
 */
export async function applyRightSize(deps: { inventory: InventoryDeps; writes: WriteDeps }, actor: Actor, name: string, days: number, token: string): Promise<PlanOutcome & { summary: RightSizeSummary }> {
  requirePermission(actor, "cloud:write");
  return whileClaimed(deps.writes, token, async () => {
    const fresh = createInventoryDeps(deps.inventory.cloud, { ttlMs: deps.inventory.ttlMs, cache: new TtlCache() });
    const report = await loadRoleActivity(fresh, actor, name, days);
    const refused = refusalOf(report);
    if (refused) throw new AppError("conflict", refused.key, { values: refused.values });
    const attached = await fetchRolePolicies(fresh, report.role);
    const { plan, summary } = rightSizePlan(report, attached.map((p) => ({ policyName: p.policyName, policyType: p.policyType })));
    if (previewPlan(plan).token !== token) {
      deps.inventory.cache.invalidate({ tags: [tags.role(report.role), tags.ramAggregate] });
      throw new AppError("conflict", "rightSize.previewStale", { fields: { token: rule("previewToken") } });
    }
    return { ...(await runPlan(deps.writes, actor, plan, { token })), summary };
  });
}
