import { EAS_SERVICE_PRINCIPAL, evaluate, type NamedPolicy } from "../policy";
import type { ServiceRef } from "./types";

/** Role name → the services whose config names it, sorted by name then region. */
export function servicesByRole(services: (ServiceRef & { roleName?: string })[]): Map<string, ServiceRef[]> {
  const index = new Map<string, ServiceRef[]>();
  for (const s of services) {
    if (!s.roleName) continue;
    const list = index.get(s.roleName) ?? [];
    list.push({ region: s.region, name: s.name });
    index.set(s.roleName, list);
  }
  for (const list of index.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
  return index;
}

export interface UserPolicies {
  userName: string;
  policies: NamedPolicy[];
}

/**
 * Role name → RAM users whose own policies let them pass the role to EAS: ram:PassRole on its
 * ARN with acs:Service = eas.pai.aliyuncs.com, as RAM decides it when a service is deployed.
 */
export function passersByRole(roles: { name: string; arn: string }[], users: UserPolicies[], accountId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const role of roles) {
    const names = users
      .filter(
        (u) =>
          u.policies.length > 0 &&
          evaluate(
            {
              principal: { type: "RAMUser", account: accountId, name: u.userName },
              action: "ram:PassRole",
              resource: role.arn,
              context: { "acs:Service": EAS_SERVICE_PRINCIPAL },
            },
            u.policies,
          ).decision === "Allow",
      )
      .map((u) => u.userName)
      .sort((a, b) => a.localeCompare(b));
    out.set(role.name, names);
  }
  return out;
}
