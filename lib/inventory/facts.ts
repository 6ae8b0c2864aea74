import { parseArn } from "../policy";
import { PAI_DEFAULT_ROLE } from "../service-config";
import type { InventoryDeps } from "./deps";
import { fetchPolicyDocuments, fetchRole, fetchRolePolicies, fetchUsers } from "./fetch";
import { fetchUserPolicySet } from "./principal-policies";
import { passRoleDecision } from "./role-index";
import { roleFacts as trustFactsOf } from "../readiness/trust";
import type { AccountRoleFacts, Deployer, PassRoleFacts } from "../readiness/facts";

export type { AccountRoleFacts, Deployer, PassRoleFacts } from "../readiness/facts";

// Facts read from the account about the role a service runs with and the user who deployed it.
// Role health, the service detail, diagnoses and preflight all decide from these same facts.

/** GetRole, ListPoliciesForRole and one GetPolicy per distinct policy, all through the cache. */
export async function fetchRoleFacts(deps: InventoryDeps, roleName: string): Promise<AccountRoleFacts> {
  const [lookup, attached] = await Promise.all([
    fetchRole(deps, roleName),
    fetchRolePolicies(deps, roleName).catch((err: unknown) => {
      // A role that does not exist has no policies; GetRole says so with its own RequestId.
      if (err && typeof err === "object" && "code" in err && String(err.code).startsWith("EntityNotExist")) return [];
      throw err;
    }),
  ]);
  if (!lookup.role) return { name: roleName, exists: false, easCanAssume: false, principals: [], lintErrors: [], missing: lookup.missing, attached: [], policies: [] };
  return {
    ...trustFactsOf(lookup.role.assumeRolePolicyDocument),
    name: roleName,
    role: lookup.role,
    attached,
    policies: await fetchPolicyDocuments(deps, attached),
  };
}

export const fetchDefaultRoleFacts = (deps: InventoryDeps) => fetchRoleFacts(deps, PAI_DEFAULT_ROLE);


export async function fetchDeployer(deps: InventoryDeps, callerUid: string, accountId: string): Promise<Deployer> {
  if (!callerUid || callerUid === accountId) return { kind: "account", uid: callerUid };
  const user = (await fetchUsers(deps)).find((u) => u.userId === callerUid);
  return user ? { kind: "user", uid: callerUid, userName: user.userName } : { kind: "unknown", uid: callerUid };
}


/** May `userName` pass the role at `roleArn` to EAS? Evaluated over its own and its groups' policies. */
export async function fetchPassRoleFacts(deps: InventoryDeps, userName: string | undefined, roleArn: string): Promise<PassRoleFacts> {
  if (!userName) return { needed: false, allowed: true };
  const account = parseArn(roleArn)?.account ?? "";
  const user = await fetchUserPolicySet(deps, userName);
  const decision = passRoleDecision(user, roleArn, account);
  const allowed = decision.decision === "Allow";
  const groups = decision.matched.filter((m) => m.effect === "Allow").map((m) => user.fromGroup[m.policy]);
  return { needed: true, allowed, decision, ...(allowed && groups.length > 0 && groups.every(Boolean) ? { viaGroup: groups[0] } : {}) };
}

