// What each cached read was read from, and what each cloud write changes. A write drops the
// entries tagged with what it changed: the object itself and the aggregates that show it.

import { roleKey } from "../policy/role-identity";

export const tags = {
  role: (name: string) => `role:${roleKey(name)}`,
  user: (name: string) => `user:${name.toLowerCase()}`,
  group: (name: string) => `group:${name.toLowerCase()}`,
  policy: (name: string) => `policy:${name.toLowerCase()}`,
  service: (region: string, name: string) => `service:${region}/${name}`,
  roleList: "list:roles",
  userList: "list:users",
  groupList: "list:groups",
  serviceList: "list:services",
  /** Aggregates built from RAM reads (role rows, service rows with role health). */
  ramAggregate: "agg:ram",
  /** Aggregates built from EAS reads. */
  easAggregate: "agg:eas",
} as const;

export type CloudChange =
  /** Created, deleted, or its trust policy changed. */
  | { kind: "role"; name: string }
  | { kind: "role-policies"; name: string }
  /** Created, deleted, or a new default version. */
  | { kind: "policy"; name: string }
  | { kind: "user-policies"; name: string }
  /** Created, deleted, members or policies changed. */
  | { kind: "group"; name: string }
  | { kind: "service"; region: string; name: string };

export function tagsFor(change: CloudChange): string[] {
  switch (change.kind) {
    case "role":
      return [tags.role(change.name), tags.roleList, tags.ramAggregate];
    case "role-policies":
      return [tags.role(change.name), tags.ramAggregate];
    case "policy":
      return [tags.policy(change.name), tags.ramAggregate];
    case "user-policies":
      return [tags.user(change.name), tags.ramAggregate];
    case "group":
      return [tags.group(change.name), tags.groupList, tags.ramAggregate];
    case "service":
      return [tags.service(change.region, change.name), tags.serviceList, tags.easAggregate];
  }
}
