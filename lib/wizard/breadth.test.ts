import { describe, expect, it } from "vitest";
import { roleBreadth } from "./breadth";

const allow = (name: string, actions: string[]) => ({ name, document: { Version: "1" as const, Statement: [{ Effect: "Allow" as const, Action: actions, Resource: ["*"] }] } });

describe("a role far broader than the needs", () => {
  it("names its full-access policies and those that allow * actions; a narrow role has none", () => {
    expect(roleBreadth([allow("AliyunRAMFullAccess", ["ram:*"]), allow("ops", ["oss:*", "oss:GetObject"]), allow("read", ["oss:GetObject"])])).toEqual({ fullAccess: ["AliyunRAMFullAccess"], starActions: ["ops"] });
    expect(roleBreadth([allow("AdministratorAccess", ["*"])])).toEqual({ fullAccess: ["AdministratorAccess"], starActions: [] });
    expect(roleBreadth([allow("read", ["oss:GetObject", "oss:ListObjects"])])).toBeNull();
  });
});
