import { describe, expect, it } from "vitest";
import type { RoleRow, ServiceRow } from "../inventory/types";
import { rolesEasCannotAssume, summarizeFailing } from "./summarize";

const svc = (name: string, status: string, over: Partial<ServiceRow> = {}): ServiceRow => ({
  region: "cn-hangzhou",
  name,
  status,
  roleMode: "custom",
  health: { state: "ok", issues: [] },
  createTime: "",
  updateTime: "",
  ...over,
});

const role = (name: string, easCanAssume: boolean, usedBy: string[]): RoleRow => ({
  name,
  arn: `acs:ram::1:role/${name}`,
  description: "",
  createDate: "",
  principals: [],
  easCanAssume,
  policies: [],
  usedBy: usedBy.map((s) => ({ region: "cn-hangzhou", name: s })),
  passers: [],
  passersVia: {},
});

describe("failing services", () => {
  const rows = [
    svc("ocr-pipeline", "Failed"),
    svc("churn-predictor", "Failed", { health: { state: "problem", issues: [{ code: "TRUST_MISSING_EAS" }] } }),
    svc("llm-chat", "Waiting"),
    svc("fraud-detector", "Running", { health: { state: "problem", issues: [{ code: "ROLE_NOT_FOUND" }] } }),
    svc("batch", "Stopped"),
    svc("new-one", "Creating"),
  ];

  it("counts by status, largest first, with the first services by name; running, stopped and starting ones are not failing", () => {
    expect(summarizeFailing(rows)).toEqual({
      total: 3,
      services: 6,
      groups: [
        { status: "Failed", count: 2, services: [{ region: "cn-hangzhou", name: "churn-predictor" }, { region: "cn-hangzhou", name: "ocr-pipeline" }] },
        { status: "Waiting", count: 1, services: [{ region: "cn-hangzhou", name: "llm-chat" }] },
      ],
      roleProblems: 2,
    });
  });

  it("splits a status by cause once the rows name one", () => {
    const cause = (r: ServiceRow) => (r.name === "churn-predictor" ? "TRUST_MISSING_EAS" : r.status === "Failed" ? "MOUNT_DENIED" : undefined);
    expect(summarizeFailing(rows, cause).groups.map((g) => [g.status, g.cause, g.count])).toEqual([
      ["Failed", "MOUNT_DENIED", 1],
      ["Failed", "TRUST_MISSING_EAS", 1],
      ["Waiting", undefined, 1],
    ]);
  });

  it("has nothing to say about an account where everything runs", () => {
    expect(summarizeFailing([svc("a", "Running")])).toEqual({ total: 0, services: 1, groups: [], roleProblems: 0 });
  });
});

describe("roles EAS cannot assume", () => {
  it("puts the roles services use first, most used first, and counts the rest", () => {
    const rows = [role("eas-oss-reader", true, ["a"]), role("legacy-admin", false, []), role("ecs-batch-role", false, ["churn"]), role("old", false, ["x", "y"])];
    expect(rolesEasCannotAssume(rows)).toEqual({
      total: 3,
      used: [
        { name: "old", usedBy: [{ region: "cn-hangzhou", name: "x" }, { region: "cn-hangzhou", name: "y" }] },
        { name: "ecs-batch-role", usedBy: [{ region: "cn-hangzhou", name: "churn" }] },
      ],
      unused: 1,
    });
  });
});
