import { createHash } from "node:crypto";
import { roleKey } from "../policy/role-identity";

// One custom policy per (RAM user, role), named so that the same pair always gives the same
// name: RAM's policy-name rule is 1–128 of letters, digits and hyphens. User and role names may
// hold dots (and user names underscores, @), so the readable part alone could make two pairs
// collide ("a.b" + "c" and "a" + "b.c"); a hash of the exact pair keeps the names apart.

const PREFIX = "RoleScope-PassRole-";
const HASH_CHARS = 8;
export const MAX_POLICY_NAME = 128;
export const POLICY_NAME_RULE = /^[A-Za-z0-9-]{1,128}$/;

export function grantPolicyName(ramUser: string, roleName: string): string {
  // RAM compares user and role names without regard to case.
  const hash = createHash("sha256").update(`${ramUser.toLowerCase()}\n${roleKey(roleName)}`).digest("hex").slice(0, HASH_CHARS);
  const room = MAX_POLICY_NAME - PREFIX.length - HASH_CHARS - 1;
  const readable = `${ramUser}-${roleName}`.replace(/[^A-Za-z0-9-]+/g, "-").replace(/-+/g, "-").slice(0, room).replace(/-+$/, "");
  return `${PREFIX}${readable}-${hash}`;
}
