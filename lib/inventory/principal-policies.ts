import type { NamedPolicy } from "../policy";
import { mapLimit } from "../async/pool";
import type { InventoryDeps } from "./deps";
import { fetchGroupMembers, fetchGroupPolicies, fetchGroups, fetchPolicyDocuments, fetchUserPolicies, fetchUsers } from "./fetch";

// What each RAM user may do: its own policies and those of its groups, as RAM evaluates them.

export interface UserPolicies {
  userName: string;
  policies: NamedPolicy[];
  /** Policy name → the group it comes from, for policies a user holds through a group. */
  fromGroup: Record<string, string>;
}

const FAN_OUT = 8;

/** Group name → its members and policy documents: one ListGroups, then two calls per group. */
async function fetchGroupIndex(deps: InventoryDeps): Promise<Map<string, { members: string[]; policies: NamedPolicy[] }>> {
  const groups = await fetchGroups(deps);
  const entries = await mapLimit(groups, FAN_OUT, async (g) => {
    const [members, attached] = await Promise.all([fetchGroupMembers(deps, g.groupName), fetchGroupPolicies(deps, g.groupName)]);
    return [g.groupName, { members: members.map((m) => m.userName), policies: await fetchPolicyDocuments(deps, attached) }] as const;
  });
  return new Map(entries);
}

function combine(userName: string, own: NamedPolicy[], groups: Map<string, { members: string[]; policies: NamedPolicy[] }>): UserPolicies {
  const policies = [...own];
  // No prototype: a policy named `constructor` or `toString` is a key like any other.
  const fromGroup = Object.create(null) as Record<string, string>;
  const key = userName.toLowerCase();
  for (const [groupName, g] of groups) {
    if (!g.members.some((m) => m.toLowerCase() === key)) continue;
    for (const p of g.policies) {
      policies.push(p);
      if (!own.some((o) => o.name === p.name)) fromGroup[p.name] ??= groupName;
    }
  }
  return { userName, policies, fromGroup };
}

/** Every RAM user with the policies it holds directly and through groups. No call per user pair. */
export async function fetchAllUserPolicies(deps: InventoryDeps): Promise<UserPolicies[]> {
  const [users, groups] = await Promise.all([fetchUsers(deps), fetchGroupIndex(deps)]);
  return mapLimit(users, FAN_OUT, async (u) => combine(u.userName, await fetchPolicyDocuments(deps, await fetchUserPolicies(deps, u.userName)), groups));
}

/** One RAM user's policies, its groups' included. */
export async function fetchUserPolicySet(deps: InventoryDeps, userName: string): Promise<UserPolicies> {
  const [own, groups] = await Promise.all([fetchUserPolicies(deps, userName).then((a) => fetchPolicyDocuments(deps, a)), fetchGroupIndex(deps)]);
  return combine(userName, own, groups);
}
