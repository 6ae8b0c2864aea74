import "server-only";
import type { PolicyType } from "../cloud/types";
import type { PlanStep } from "../writes/plan";
import { titled, type FixPlan } from "./catalog";
import { serviceTarget, type FixContext } from "./context";

/** AttachPolicyToRole; the preview is the role's attached policies before and after. */
export function attachStep(ctx: FixContext, roleName: string, policyName: string, policyType: PolicyType): PlanStep {
  const attached = (ctx.facts.role?.attached ?? []).map((p) => `${p.policyType}:${p.policyName}`);
  return {
    id: "attach-policy",
    operation: "AttachPolicyToRole",
    service: "RAM",
    target: roleName,
    params: { PolicyType: policyType, PolicyName: policyName, RoleName: roleName },
    change: { before: attached.join("\n"), after: [...attached, `${policyType}:${policyName}`].join("\n") },
    run: (c) => c.ram.attachPolicyToRole({ policyName, policyType, roleName }),
    alreadyDone: async (c) => (await c.ram.listPoliciesForRole(roleName)).some((p) => p.policyName === policyName && p.policyType === policyType),
    changes: [{ kind: "role-policies", name: roleName }],
  };
}

/** Attach the system policy that covers what the role lacks. */
export function attachRolePolicy(ctx: FixContext, roleName: string, policyName: string): FixPlan {
  return {
    action: "fix.attach_policy",
    target: serviceTarget(ctx),
    ...titled("fix.attach-policy", { policy: policyName, role: roleName }),
    steps: [attachStep(ctx, roleName, policyName, "System")],
  };
}
