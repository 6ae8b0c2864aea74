import "server-only";
import { parsePolicy, serializePolicy, buildPassRolePolicy } from "../policy";
import { CloudError, type Cloud, type Policy } from "../cloud/types";
import type { PassRoleRequestRecord } from "../db/types";
import type { WritePlan } from "../writes/plan";
import type { PolicyDocument } from "../policy/types";
import { createHash } from "node:crypto";
import { roleKey } from "../policy/role-identity";

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

// The exact document a grant creates: ram:PassRole on one role's ARN in this account, and for a
// time-bound grant `DateLessThan acs:CurrentTime <expiry>` (ISO 8601, UTC), which RAM evaluates
// at every deployment, so the grant stops working at that minute whatever the console does.

function grantDocument(roleName: string, accountId: string, expiresAt: Date | null): PolicyDocument {
  return buildPassRolePolicy(roleName, { accountId, ...(expiresAt ? { expiresAt } : {}) });
}

/** The document as it is sent to RAM, and compared with what RAM holds. */
export function grantDocumentText(roleName: string, accountId: string, expiresAt: Date | null): string {
  return serializePolicy(grantDocument(roleName, accountId, expiresAt));
}

function grantDescription(ramUser: string, roleName: string, requestId: string): string {
  return `RoleScope: lets ${ramUser} pass ${roleName} to EAS (request ${requestId}).`;
}

// One custom policy per (RAM user, role), named so that the same pair always gives the same
// name: RAM's policy-name rule is 1–128 of letters, digits and hyphens. User and role names may
// hold dots (and user names underscores, @), so the readable part alone could make two pairs
// collide ("a.b" + "c" and "a" + "b.c"); a hash of the exact pair keeps the names apart.

const PREFIX = "RoleScope-PassRole-";
const HASH_CHARS = 8;
const MAX_POLICY_NAME = 128;
export const POLICY_NAME_RULE = /^[A-Za-z0-9-]{1,128}$/;

export function grantPolicyName(ramUser: string, roleName: string): string {
  // RAM compares user and role names without regard to case.
  const hash = createHash("sha256").update(`${ramUser.toLowerCase()}\n${roleKey(roleName)}`).digest("hex").slice(0, HASH_CHARS);
  const room = MAX_POLICY_NAME - PREFIX.length - HASH_CHARS - 1;
  const readable = `${ramUser}-${roleName}`.replace(/[^A-Za-z0-9-]+/g, "-").replace(/-+/g, "-").slice(0, room).replace(/-+$/, "");
  return `${PREFIX}${readable}-${hash}`;
}
