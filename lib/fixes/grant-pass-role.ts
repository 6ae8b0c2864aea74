import "server-only";
import { buildPassRolePolicy, serializePolicy } from "../policy";
import { CloudError } from "../cloud/types";
import { fetchPolicy, namedPolicy } from "../inventory/fetch";
import { passRoleDecision } from "../inventory/role-index";
import type { PlanStep } from "../writes/plan";
import { say, titled, type FixPlan } from "./catalog";
import { serviceTarget, type FixContext } from "./context";

const notFound = (e: unknown) => (e instanceof CloudError && e.code.startsWith("EntityNotExist") ? undefined : Promise.reject(e));

/**
 * Lets the deploying RAM user pass the role to EAS: `ram:PassRole` on exactly that role's ARN in
 * this account (the PAI-EAS docs' policy names any account's role of that name), created once per
 * role as `PassRole-<role>` unless a policy of that name already allows it, then attached to the
 * user. An admin's direct fix, previewed and audited; an engineer asks through a PassRole request
 * instead (the diagnosis links to it), which grants per user and can expire.
 */
export async function grantPassRole(ctx: FixContext, userName: string, roleName: string, roleArn: string): Promise<FixPlan> {
  const document = buildPassRolePolicy(roleName, { accountId: ctx.facts.accountId });
  const base = `PassRole-${roleName.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const existing = await fetchPolicy(ctx.deps, base, "Custom").catch(notFound);
  const named = existing && namedPolicy(existing);
  const reusable = named !== undefined && passRoleDecision({ userName, policies: [named], fromGroup: {} }, roleArn, ctx.facts.accountId).decision === "Allow";
  // A policy of that name that says something else is left alone: this one gets a name of its own.
  const policyName = existing && !reusable ? `${base}-eas` : base;
  const doc = serializePolicy(document);
  // The cloud keeps the description: one language for every reader (as the audit log's), English.
  const description = say("policyDescription.passRolePolicy", { role: roleName });
  const create: PlanStep = {
    id: "create-policy",
    operation: "CreatePolicy",
    service: "RAM",
    target: policyName,
    params: { PolicyName: policyName, PolicyDocument: doc, Description: description },
    change: { before: "", after: serializePolicy(document, { pretty: true }) },
    run: (c) => c.ram.createPolicy({ policyName, policyDocument: doc, description }),
    alreadyDone: (c) => c.ram.getPolicy(policyName, "Custom").then(() => true, async (e) => (await notFound(e)) ?? false),
    changes: [{ kind: "policy", name: policyName }],
  };
  const attach: PlanStep = {
    id: "attach-to-user",
    operation: "AttachPolicyToUser",
    service: "RAM",
    target: userName,
    params: { PolicyType: "Custom", PolicyName: policyName, UserName: userName },
    run: (c) => c.ram.attachPolicyToUser({ policyName, policyType: "Custom", userName }),
    alreadyDone: async (c) => (await c.ram.listPoliciesForUser(userName)).some((p) => p.policyName === policyName && p.policyType === "Custom"),
    changes: [{ kind: "user-policies", name: userName }],
  };
  return {
    action: "fix.grant_passrole",
    target: serviceTarget(ctx),
    ...titled("fix.grant-passrole", { user: userName, role: roleName }),
    steps: reusable ? [attach] : [create, attach],
  };
}
