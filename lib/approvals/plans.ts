import "server-only";
import { parsePolicy, serializePolicy } from "../policy";
import { CloudError, type Cloud, type Policy } from "../cloud/types";
import type { PassRoleRequestRecord } from "../db/types";
import type { WritePlan } from "../writes/plan";
import { grantDescription } from "./grant-document";

// The cloud writes of a grant and of its removal, as previewed plans. Each step knows how to
// tell that the account already holds its result, so a plan interrupted anywhere (a failed call,
// a crashed console) is finished by running it again, and no call is made twice.

const missing = (err: unknown) => err instanceof CloudError && err.code.startsWith("EntityNotExist");

/** The custom policy of that name as RAM holds it now, or null. Read fresh: a plan must not act on a cached view. */
export async function readPolicy(cloud: Cloud, policyName: string): Promise<Policy | null> {
  try {
    return await cloud.ram.getPolicy(policyName, "Custom");
  } catch (err) {
    if (missing(err)) return null;
    throw err;
  }
}

async function attachedTo(cloud: Cloud, userName: string, policyName: string): Promise<boolean> {
  try {
    return (await cloud.ram.listPoliciesForUser(userName)).some((p) => p.policyType === "Custom" && p.policyName === policyName);
  } catch (err) {
    // A RAM user that no longer exists holds nothing.
    if (missing(err)) return false;
    throw err;
  }
}

/** Same statements, whatever the spacing or element order RAM hands back. */
function sameDocument(a: string, b: string): boolean {
  const pa = parsePolicy(a, { kind: "permission" });
  const pb = parsePolicy(b, { kind: "permission" });
  return pa.ok && pb.ok ? serializePolicy(pa.policy) === serializePolicy(pb.policy) : a === b;
}

type Grantable = Pick<PassRoleRequestRecord, "id" | "roleName" | "ramUser" | "policyName"> & { policyDocument: string };

/** CreatePolicy with the request's exact document, then AttachPolicyToUser. */
export function planGrant(r: Grantable): WritePlan {
  const description = grantDescription(r.ramUser, r.roleName, r.id);
  return {
    action: "passrole.grant_policy",
    target: `passrole-request/${r.id}`,
    title: `Let ${r.ramUser} pass ${r.roleName} to EAS`,
    steps: [
      {
        id: "create-policy",
        operation: "CreatePolicy",
        service: "RAM",
        target: r.policyName,
        params: { PolicyName: r.policyName, PolicyDocument: r.policyDocument, Description: description },
        run: (c) => c.ram.createPolicy({ policyName: r.policyName, policyDocument: r.policyDocument, description }),
        // Only this request's own document counts as done: a policy of that name holding anything
        // else is not ours to reuse, and CreatePolicy then fails with RAM's EntityAlreadyExists.
        alreadyDone: async (c) => {
          const held = await readPolicy(c, r.policyName);
          return held !== null && sameDocument(held.policyDocument, r.policyDocument);
        },
        changes: [{ kind: "policy", name: r.policyName }],
      },
      {
        id: "attach-policy",
        operation: "AttachPolicyToUser",
        service: "RAM",
        target: r.ramUser,
        params: { PolicyType: "Custom", PolicyName: r.policyName, UserName: r.ramUser },
        run: (c) => c.ram.attachPolicyToUser({ policyType: "Custom", policyName: r.policyName, userName: r.ramUser }),
        alreadyDone: (c) => attachedTo(c, r.ramUser, r.policyName),
        changes: [{ kind: "user-policies", name: r.ramUser }],
      },
    ],
  };
}

/** DetachPolicyFromUser, then DeletePolicy: what a revoke, an expiry or a failed grant leaves undone. */
export function planRemoval(r: Pick<PassRoleRequestRecord, "id" | "roleName" | "ramUser" | "policyName">): WritePlan {
  return {
    action: "passrole.remove_policy",
    target: `passrole-request/${r.id}`,
    title: `Stop ${r.ramUser} passing ${r.roleName} to EAS`,
    steps: [
      {
        id: "detach-policy",
        operation: "DetachPolicyFromUser",
        service: "RAM",
        target: r.ramUser,
        params: { PolicyType: "Custom", PolicyName: r.policyName, UserName: r.ramUser },
        run: (c) => c.ram.detachPolicyFromUser({ policyType: "Custom", policyName: r.policyName, userName: r.ramUser }),
        alreadyDone: async (c) => !(await attachedTo(c, r.ramUser, r.policyName)),
        changes: [{ kind: "user-policies", name: r.ramUser }],
      },
      {
        id: "delete-policy",
        operation: "DeletePolicy",
        service: "RAM",
        target: r.policyName,
        params: { PolicyName: r.policyName },
        run: (c) => c.ram.deletePolicy(r.policyName),
        alreadyDone: async (c) => (await readPolicy(c, r.policyName)) === null,
        changes: [{ kind: "policy", name: r.policyName }],
      },
    ],
  };
}
