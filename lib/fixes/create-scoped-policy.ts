import "server-only";
import { serializePolicy } from "../policy";
import type { PolicyDocument } from "../policy/types";
import { CloudError } from "../cloud/types";
import { attachStep } from "./attach-role-policy";
import { say, titled, type FixPlan } from "./catalog";
import { serviceTarget, type FixContext } from "./context";

/** CreatePolicy with exactly the actions and resources the service's denied needs lack, then attach it to the role. */
export function createScopedPolicy(ctx: FixContext, roleName: string, policyName: string, document: PolicyDocument): FixPlan {
  const doc = serializePolicy(document);
  // The cloud keeps the description: one language for every reader (as the audit log's), English.
  const description = say("policyDescription.scopedPolicy", { service: ctx.service.serviceName, region: ctx.region, role: roleName });
  return {
    action: "fix.create_scoped_policy",
    target: serviceTarget(ctx),
    ...titled("fix.create-scoped-policy", { policy: policyName, role: roleName }),
    steps: [
      {
        id: "create-policy",
        operation: "CreatePolicy",
        service: "RAM",
        target: policyName,
        params: { PolicyName: policyName, PolicyDocument: doc, Description: description },
        change: { before: "", after: serializePolicy(document, { pretty: true }) },
        run: (c) => c.ram.createPolicy({ policyName, policyDocument: doc, description }),
        // The name carries a hash of the document, so a policy of that name is this policy.
        alreadyDone: (c) => c.ram.getPolicy(policyName, "Custom").then(() => true, (e) => (e instanceof CloudError && e.code.startsWith("EntityNotExist") ? false : Promise.reject(e))),
        changes: [{ kind: "policy", name: policyName }],
      },
      attachStep(ctx, roleName, policyName, "Custom"),
    ],
  };
}
