import { roleArn } from "../policy/arn";
import type { UserPolicies } from "./principal-policies";
import { passRoleDecision } from "./role-index";

/** How a RAM user may pass a role to EAS: a grant naming it, one through a group, or one on every role. */
export type PassHow = "direct" | "group" | "wildcard";

// A role no account holds: a grant that covers it covers every role (`role/*`, `*`).
const PROBE = "rolescope-probe-no-such-role";

/** How `user` may pass the role at `arn` to EAS now, or null when RAM would refuse. */
export function passHow(user: UserPolicies, arn: string, accountId: string, now: Date = new Date()): PassHow | null {
  const d = passRoleDecision(user, arn, accountId, now);
  if (d.decision !== "Allow") return null;
  if (passRoleDecision(user, roleArn(accountId, PROBE), accountId, now).decision === "Allow") return "wildcard";
  const allows = d.matched.filter((m) => m.effect === "Allow");
  return allows.every((m) => user.fromGroup[m.policy] !== undefined) ? "group" : "direct";
}
