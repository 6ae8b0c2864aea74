import { describe, expect, it } from "vitest";
import { buildPassRolePolicy, type NamedPolicy, type PolicyDocument } from "../policy";
import { passersByRole, passRoleDecision, servicesByRole } from "./role-index";

const ACCOUNT = "1784200000000001";
const arn = (name: string) => `acs:ram::${ACCOUNT}:role/${name}`;
const named = (name: string, document: PolicyDocument): NamedPolicy => ({ name, type: "Custom", document });

describe("servicesByRole", () => {
  it("indexes services by the role their config names, across regions, skipping services without one", () => {
    const index = servicesByRole([
      { region: "cn-hangzhou", name: "image-tagger", roleName: "eas-oss-reader" },
      { region: "ap-southeast-1", name: "doc-classifier" },
      { region: "ap-southeast-1", name: "batch-scorer", roleName: "data-pipeline" },
      { region: "cn-hangzhou", name: "aaa-first", roleName: "eas-oss-reader" },
    ]);
    expect(index.get("eas-oss-reader")).toEqual([
      { region: "cn-hangzhou", name: "aaa-first" },
      { region: "cn-hangzhou", name: "image-tagger" },
    ]);
    expect(index.get("data-pipeline")).toEqual([{ region: "ap-southeast-1", name: "batch-scorer" }]);
    expect(index.size).toBe(2);
  });

  it("one role for every spelling: a role_arn in lower case is the role RAM names EasMixedCase", () => {
    const index = servicesByRole([
      { region: "cn-hangzhou", name: "case-svc", roleName: "easmixedcase" },
      { region: "cn-hangzhou", name: "other-svc", roleName: "EasMixedCase" },
    ]);
    expect(index.size).toBe(1);
    for (const name of ["EasMixedCase", "easmixedcase", "EASMIXEDCASE"]) {
      expect(index.get(name)).toEqual([{ region: "cn-hangzhou", name: "case-svc" }, { region: "cn-hangzhou", name: "other-svc" }]);
    }
  });
});

describe("passersByRole", () => {
  const roles = [
    { name: "eas-oss-reader", arn: arn("eas-oss-reader") },
    { name: "eas-restricted", arn: arn("eas-restricted") },
  ];
  const admin = named("AdministratorAccess", { Version: "1", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }] });

  it("finds users allowed ram:PassRole on each role's ARN", () => {
    const m = passersByRole(
      roles,
      [
        { userName: "alice", policies: [admin], fromGroup: {} },
        { userName: "bob", policies: [named("pass-oss-reader", buildPassRolePolicy("eas-oss-reader"))], fromGroup: {} },
        { userName: "carol", policies: [], fromGroup: {} },
      ],
      ACCOUNT,
    );
    expect(m.get("eas-oss-reader")).toEqual({ names: ["alice", "bob"], via: {} });
    expect(m.get("eas-restricted")).toEqual({ names: ["alice"], via: {} });
  });

  it("an explicit Deny or a condition on another service takes the user out", () => {
    const deny = named("no-pass", { Version: "1", Statement: [{ Effect: "Deny", Action: ["ram:PassRole"], Resource: [arn("eas-restricted")] }] });
    const ecsOnly = named("pass-to-ecs", {
      Version: "1",
      Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: ["*"], Condition: { StringEquals: { "acs:Service": ["ecs.aliyuncs.com"] } } }],
    });
    const m = passersByRole(roles, [{ userName: "dave", policies: [admin, deny], fromGroup: {} }, { userName: "erin", policies: [ecsOnly], fromGroup: {} }], ACCOUNT);
    expect(m.get("eas-oss-reader")?.names).toEqual(["dave"]);
    expect(m.get("eas-restricted")?.names).toEqual([]);
  });

  it("a role found by its RAM name whatever case asks, and judged on its lower-case ARN", () => {
    const m = passersByRole(
      [{ name: "EasMixedCase", arn: arn("easmixedcase") }],
      [
        { userName: "frank", policies: [named("grant", buildPassRolePolicy("EasMixedCase"))], fromGroup: {} },
        { userName: "gina", policies: [named("old", { Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: ["acs:ram::*:role/EasMixedCase"] }] })], fromGroup: {} },
      ],
      ACCOUNT,
    );
    expect(m.get("easmixedcase")).toEqual({ names: ["frank"], via: {} });
    expect(m.get("EasMixedCase")).toBe(m.get("easmixedcase"));
  });

  it("counts PassRole a user holds only through a group, and says which group", () => {
    const fromGroup = named("PassRole-eas-restricted", buildPassRolePolicy("eas-restricted"));
    const m = passersByRole(
      roles,
      [
        { userName: "carol", policies: [fromGroup], fromGroup: { "PassRole-eas-restricted": "ml-platform" } },
        { userName: "alice", policies: [admin, fromGroup], fromGroup: {} },
      ],
      ACCOUNT,
    );
    expect(m.get("eas-restricted")).toEqual({ names: ["alice", "carol"], via: { carol: "ml-platform" } });
    expect(m.get("eas-oss-reader")).toEqual({ names: ["alice"], via: {} });
  });
});

describe("a time-bound PassRole grant", () => {
  it("counts until its expiry and no longer after it", () => {
    const grant = named("grant", buildPassRolePolicy("eas-restricted", { accountId: ACCOUNT, expiresAt: new Date("2026-12-08T00:00:00Z") }));
    const user = { userName: "bob", policies: [grant], fromGroup: {} };
    expect(passRoleDecision(user, arn("eas-restricted"), ACCOUNT, new Date("2026-12-07T23:59:00Z")).decision).toBe("Allow");
    expect(passRoleDecision(user, arn("eas-restricted"), ACCOUNT, new Date("2026-12-08T00:00:01Z")).decision).toBe("ImplicitDeny");
  });
});
