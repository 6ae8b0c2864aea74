import type { NamedPolicy } from "../policy/types";
import { buildAccessGraph } from "./graph";
import { pathKey, pathsToRole } from "./paths";
import type { AccessInventory, AccessPath } from "./types";

// What a grant adds: the paths a RAM user would have with the policy attached that it does not
// have now. The same graph both times, so that the review shows exactly what lib/access would
// report after approval.

function userPaths(inv: AccessInventory, userName: string, now: Date): AccessPath[] {
  const graph = buildAccessGraph(inv, { now });
  return inv.roles.flatMap((r) => pathsToRole(graph, r.name)).filter((p) => p.principal.type === "user" && p.principal.name === userName);
}

export function pathsAddedBy(inv: AccessInventory, userName: string, grant: NamedPolicy, now: Date = new Date()): AccessPath[] {
  const known = inv.users.some((u) => u.name === userName);
  const users = known
    ? inv.users.map((u) => (u.name === userName ? { ...u, policies: [...u.policies.filter((p) => p.name !== grant.name), grant] } : u))
    : [...inv.users, { name: userName, policies: [grant] }];
  const had = new Set(userPaths(inv, userName, now).map(pathKey));
  return userPaths({ ...inv, users }, userName, now).filter((p) => !had.has(pathKey(p)));
}
