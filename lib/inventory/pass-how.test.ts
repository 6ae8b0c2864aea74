import { describe, expect, it } from "vitest";
import { buildPassRolePolicy, type NamedPolicy, type PolicyDocument } from "../policy";
import { passHow } from "./pass-how";

const ACCOUNT = "1784200000000001";
const ARN = `acs:ram::${ACCOUNT}:role/eas-asr`;
const named = (name: string, document: PolicyDocument): NamedPolicy => ({ name, type: "Custom", document });
const star = (resource: string): PolicyDocument => ({ Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [resource] }] });

describe("how a RAM user may pass a role", () => {
  it("tells a grant naming the role, one through a group, one on every role, and none", () => {
    expect(passHow({ userName: "bob", policies: [named("p", buildPassRolePolicy("eas-asr", { accountId: ACCOUNT }))], fromGroup: {} }, ARN, ACCOUNT)).toBe("direct");
    expect(passHow({ userName: "carol", policies: [named("g", buildPassRolePolicy("eas-asr"))], fromGroup: { g: "ml-platform" } }, ARN, ACCOUNT)).toBe("group");
    expect(passHow({ userName: "ops", policies: [named("all", star("acs:ram::*:role/*"))], fromGroup: {} }, ARN, ACCOUNT)).toBe("wildcard");
    expect(passHow({ userName: "root-ish", policies: [named("AdministratorAccess", { Version: "1", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }] })], fromGroup: {} }, ARN, ACCOUNT)).toBe("wildcard");
    expect(passHow({ userName: "dave", policies: [named("p", buildPassRolePolicy("other"))], fromGroup: {} }, ARN, ACCOUNT)).toBeNull();
    const expired = buildPassRolePolicy("eas-asr", { accountId: ACCOUNT, expiresAt: new Date("2020-01-01T00:00:00Z") });
    expect(passHow({ userName: "erin", policies: [named("p", expired)], fromGroup: {} }, ARN, ACCOUNT)).toBeNull();
  });
});
