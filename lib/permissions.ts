// The single table of who may do what in the console. Pages, route handlers, server actions
// and the navigation all read it; nothing else decides access.

export const ROLES = ["engineer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "inventory:read",
  "wizard:generate",
  "passrole:request",
  "cloud:write",
  "approvals:decide",
  "users:manage",
  "audit:read",
  "credentials:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ENGINEER: readonly Permission[] = ["inventory:read", "wizard:generate", "passrole:request"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  engineer: ENGINEER,
  admin: [...ENGINEER, "cloud:write", "approvals:decide", "users:manage", "audit:read", "credentials:read"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
