import { describe, expect, it } from "vitest";
import { roleArn, roleArnKey, roleNameFromArn } from "./arn";
import { RoleMap, RoleSet, roleKey, sameRole } from "./role-identity";

describe("role identity", () => {
  it("two names that differ only in case are one role", () => {
    expect(roleKey("EasMixedCase")).toBe(roleKey("easmixedcase"));
    expect(sameRole("EasMixedCase", "EASMIXEDCASE")).toBe(true);
    expect(sameRole("eas-a", "eas-b")).toBe(false);
    expect(sameRole(undefined, "x")).toBe(false);
    const m = new RoleMap<number>().set("EasMixedCase", 1).set("easmixedcase", 2);
    expect([m.size, m.get("EASMIXEDCASE"), m.has("EasMixedCase")]).toEqual([1, 2, true]);
    expect(new RoleSet(["AliyunServiceRoleForPaiEas"]).has("aliyunserviceroleforpaieas")).toBe(true);
  });

  it("ARNs are written as RAM writes them, and compared by account and role", () => {
    expect(roleArn("123", "EasMixedCase")).toBe("acs:ram::123:role/easmixedcase");
    expect(roleNameFromArn("acs:ram::123:role/EasMixedCase")).toBe("EasMixedCase");
    expect(roleArnKey("acs:ram::123:role/EasMixedCase")).toBe(roleArnKey("acs:ram::123:role/easmixedcase"));
    expect(roleArnKey("acs:ram::123:role/a")).not.toBe(roleArnKey("acs:ram::456:role/a"));
    expect(roleArnKey("not an arn")).toBe("not an arn");
  });
});
