import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "../../lib/permissions";

describe("permission table", () => {
  it("gives engineers reading, generating and PassRole requests, and nothing that changes the cloud or the console", () => {
    expect([...ROLE_PERMISSIONS.engineer].sort()).toEqual(["inventory:read", "passrole:request", "wizard:generate"]);
    for (const p of ["cloud:write", "approvals:decide", "users:manage", "audit:read", "credentials:read"] as const) expect(can("engineer", p)).toBe(false);
  });

  it("gives admins every permission", () => {
    for (const p of PERMISSIONS) expect(can("admin", p)).toBe(true);
  });

  it("names only known permissions, each once", () => {
    for (const role of ROLES) {
      const list = ROLE_PERMISSIONS[role];
      expect(new Set(list).size).toBe(list.length);
      for (const p of list) expect(PERMISSIONS).toContain(p);
    }
  });
});
