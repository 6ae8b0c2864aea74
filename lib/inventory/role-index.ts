import { EAS_SERVICE_PRINCIPAL, RoleMap, evaluate } from "../policy";
import type { UserPolicies } from "./principal-policies";
import type { ServiceRef } from "./types";

/**
 * Role → the services whose config names it, sorted by name then region. A config's `role_arn`
 * often writes the name in another case than RoleName (RAM's ARNs are lower-case): one role.
 */
export function servicesByRole(services: (ServiceRef & { roleName?: string })[]): RoleMap<ServiceRef[]> {
  const index = new RoleMap<ServiceRef[]>();
  for (const s of services) {
    if (!s.roleName) continue;
    const list = index.get(s.roleName) ?? [];
    list.push({ region: s.region, name: s.name });
    index.set(s.roleName, list);
  }
  for (const list of index.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
  return index;
}

export interface Passers {
  /** RAM users who may pass the role to EAS, sorted. */
  names: string[];
  /** User → the group whose policy lets them, for those who may only through a group. */
  via: Record<string, string>;
}

/**
 * May this user pass the role to EAS, as RAM decides it when a service is deployed? At the
 * current time: a time-bound grant (DateLessThan acs:CurrentTime) counts until it expires.
 */
export function passRoleDecision(user: UserPolicies, roleArn: string, accountId: string, now: Date = new Date()) {
  return evaluate(
    {
      principal: { type: "RAMUser", account: accountId, name: user.userName },
      action: "ram:PassRole",
      resource: roleArn,
      context: { "acs:Service": EAS_SERVICE_PRINCIPAL, "acs:CurrentTime": now.toISOString() },
    },
    user.policies,
  );
}

/**
 * Role → RAM users whose policies (their own and their groups') let them pass the role to
 * EAS: ram:PassRole on its ARN with acs:Service = eas.pai.aliyuncs.com.
 */
export function passersByRole(roles: { name: string; arn: string }[], users: UserPolicies[], accountId: string): RoleMap<Passers> {
  const out = new RoleMap<Passers>();
  for (const role of roles) {
    const names: string[] = [];
    const via: Record<string, string> = {};
    for (const u of users) {
      if (u.policies.length === 0) continue;
      const d = passRoleDecision(u, role.arn, accountId);
      if (d.decision !== "Allow") continue;
      names.push(u.userName);
      const groups = d.matched.filter((m) => m.effect === "Allow").map((m) => u.fromGroup[m.policy]);
      if (groups.length > 0 && groups.every(Boolean)) via[u.userName] = groups[0]!;
    }
    out.set(role.name, { names: names.sort((a, b) => a.localeCompare(b)), via });
  }
  return out;
}
