import { CloudError, type Cloud } from "../cloud/types";
import type { WritePlan } from "../writes/plan";
import { renderKey } from "../errors/render";
import type { Fix } from "./explain";

type Grant = Extract<Fix, { kind: "grant" }>;

const missing = (e: unknown) => (e instanceof CloudError && e.code.startsWith("EntityNotExist") ? false : Promise.reject(e));

/**
 * The grant as the console writes every change: CreatePolicy with exactly the one statement, then
 * attach it to the refused user or role. The policy's name carries a hash of the action and the
 * resource, so a policy of that name is this one (a retry skips it).
 */
export function grantPlan(fix: Grant): WritePlan {
  const { policyName, document, attachTo } = fix;
  const description = `Allows ${fix.statement.Action?.join(", ")} on ${fix.statement.Resource?.join(", ")} (RoleScope, why-denied)`;
  const attach =
    attachTo.type === "role"
      ? {
          operation: "AttachPolicyToRole",
          params: { PolicyType: "Custom", PolicyName: policyName, RoleName: attachTo.name },
          run: (c: Cloud) => c.ram.attachPolicyToRole({ policyName, policyType: "Custom", roleName: attachTo.name }),
          alreadyDone: async (c: Cloud) => (await c.ram.listPoliciesForRole(attachTo.name)).some((p) => p.policyName === policyName && p.policyType === "Custom"),
          changes: [{ kind: "role-policies" as const, name: attachTo.name }],
        }
      : {
          operation: "AttachPolicyToUser",
          params: { PolicyType: "Custom", PolicyName: policyName, UserName: attachTo.name },
          run: (c: Cloud) => c.ram.attachPolicyToUser({ policyName, policyType: "Custom", userName: attachTo.name }),
          alreadyDone: async (c: Cloud) => (await c.ram.listPoliciesForUser(attachTo.name)).some((p) => p.policyName === policyName && p.policyType === "Custom"),
          changes: [{ kind: "user-policies" as const, name: attachTo.name }],
        };
  return {
    action: "denial.grant",
    target: `${attachTo.type}/${attachTo.name}`,
    title: renderKey("en", "denials.apply.title", { policy: policyName, name: attachTo.name }),
    steps: [
      {
        id: "create-policy",
        operation: "CreatePolicy",
        service: "RAM",
        target: policyName,
        params: { PolicyName: policyName, PolicyDocument: document, Description: description },
        change: { before: "", after: JSON.stringify(JSON.parse(document), null, 2) },
        run: (c) => c.ram.createPolicy({ policyName, policyDocument: document, description }),
        alreadyDone: (c) => c.ram.getPolicy(policyName, "Custom").then(() => true, missing),
        changes: [{ kind: "policy", name: policyName }],
      },
      { id: "attach-policy", service: "RAM", target: attachTo.name, ...attach },
    ],
  };
}
