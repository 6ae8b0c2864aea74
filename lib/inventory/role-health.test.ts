import { describe, expect, it } from "vitest";
import { MISSING_ROLE, roleFacts, serviceRoleHealth } from "./role-health";

const trust = (principal: Record<string, string[]>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: principal, ...extra }] });

describe("roleFacts", () => {
  it("sees that EAS may assume a role trusting eas.pai.aliyuncs.com, and marks that principal", () => {
    const f = roleFacts(trust({ Service: ["eas.pai.aliyuncs.com"], RAM: ["acs:ram::1784200000000001:root"] }));
    expect(f.easCanAssume).toBe(true);
    expect(f.principals).toEqual([
      { kind: "Service", value: "eas.pai.aliyuncs.com", effect: "Allow", conditional: false, isEas: true },
      { kind: "RAM", value: "acs:ram::1784200000000001:root", effect: "Allow", conditional: false, isEas: false },
    ]);
    expect(f.lintErrors).toEqual([]);
  });

  it("says EAS may not assume a role that trusts only ECS", () => {
    const f = roleFacts(trust({ Service: ["ecs.aliyuncs.com"] }));
    expect(f.easCanAssume).toBe(false);
    expect(f.principals.map((p) => p.isEas)).toEqual([false]);
  });

  it("a Deny for EAS beats the Allow", () => {
    const doc = JSON.stringify({
      Version: "1",
      Statement: [
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
        { Effect: "Deny", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
      ],
    });
    expect(roleFacts(doc).easCanAssume).toBe(false);
  });

  it("reports a trust policy it cannot read instead of throwing", () => {
    const f = roleFacts("{not json");
    expect(f.exists).toBe(true);
    expect(f.easCanAssume).toBe(false);
    expect(f.trustError).toBeTruthy();
  });
});

describe("serviceRoleHealth", () => {
  const good = roleFacts(trust({ Service: ["eas.pai.aliyuncs.com"] }));
  const ecsOnly = roleFacts(trust({ Service: ["ecs.aliyuncs.com"] }));

  it("a service without a role has no health to judge", () => {
    expect(serviceRoleHealth({ roleMode: "none" }, undefined)).toEqual({ state: "none", issues: [] });
  });

  it("a custom role that exists and trusts EAS is ok", () => {
    expect(serviceRoleHealth({ roleMode: "custom", roleName: "eas-oss-reader" }, good)).toEqual({ state: "ok", issues: [] });
  });

  it("names a missing role", () => {
    expect(serviceRoleHealth({ roleMode: "custom", roleName: "deleted-role" }, MISSING_ROLE)).toEqual({
      state: "problem",
      issues: [{ code: "role-missing", detail: ["deleted-role"] }],
    });
    expect(serviceRoleHealth({ roleMode: "custom", roleName: "deleted-role" }, undefined).issues[0].code).toBe("role-missing");
  });

  it("flags a trust policy that leaves EAS out", () => {
    expect(serviceRoleHealth({ roleMode: "custom", roleName: "ecs-batch-role" }, ecsOnly).issues).toEqual([{ code: "trust-lacks-eas" }]);
  });

  it("the PAI default role needs metadata.workspace_id, not an EAS trust", () => {
    expect(serviceRoleHealth({ roleMode: "default", roleName: "AliyunServiceRoleForPaiEas", workspaceId: "123" }, ecsOnly).state).toBe("ok");
    expect(serviceRoleHealth({ roleMode: "default", roleName: "AliyunServiceRoleForPaiEas", workspaceMissing: true }, good).issues).toEqual([{ code: "no-workspace-id" }]);
    expect(serviceRoleHealth({ roleMode: "default", roleName: "AliyunServiceRoleForPaiEas" }, good).state).toBe("ok");
  });

  it("a config that cannot be read is a problem of its own", () => {
    expect(serviceRoleHealth({ roleMode: "none", configError: "Unexpected token" }, undefined)).toEqual({
      state: "problem",
      issues: [{ code: "config-invalid", detail: ["Unexpected token"] }],
    });
  });
});
