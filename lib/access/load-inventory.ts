import "server-only";
import { mapLimit } from "../async/pool";
import { parsePolicy } from "../policy/parse";
import type { InventoryDeps } from "../inventory/deps";
import { fetchAccountId, fetchPolicyDocuments, fetchRole, fetchRolePolicies, fetchRoles } from "../inventory/fetch";
import { fetchAllUserPolicies } from "../inventory/principal-policies";
import type { AccessInventory } from "./types";

// The account as lib/access reads it, through the console's cached inventory reads: one list of
// users (with their groups), one list of roles, then each role's trust and policies under the
// shared limiter. Policy documents are fetched once per policy, however many hold them.

const FAN_OUT = 8;

export async function loadAccessInventory(deps: InventoryDeps): Promise<AccessInventory> {
  const rolesP = fetchRoles(deps);
  const [summaries, users, accountId] = await Promise.all([rolesP, fetchAllUserPolicies(deps), rolesP.then((r) => fetchAccountId(deps, r))]);
  const roles = await mapLimit(summaries, FAN_OUT, async (s) => {
    const [lookup, attached] = await Promise.all([fetchRole(deps, s.roleName), fetchRolePolicies(deps, s.roleName)]);
    const parsed = lookup.role ? parsePolicy(lookup.role.assumeRolePolicyDocument, { kind: "trust" }) : undefined;
    return { name: s.roleName, arn: s.arn, trust: parsed?.ok ? parsed.policy : undefined, policies: await fetchPolicyDocuments(deps, attached) };
  });
  return { accountId, users: users.map((u) => ({ name: u.userName, policies: u.policies, fromGroup: u.fromGroup })), roles };
}
