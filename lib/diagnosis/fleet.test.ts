import { describe, expect, it } from "vitest";
import type { ServiceRow } from "../inventory/types";
import { groupFailing } from "./fleet";

const row = (name: string, cause?: ServiceRow["cause"], region = "cn-hangzhou"): ServiceRow => ({
  region, name, status: cause ? "Failed" : "Running", roleMode: "custom", health: { state: "ok", issues: [] }, createTime: "", updateTime: "", ...(cause ? { cause } : {}),
});

describe("groupFailing", () => {
  it("groups failed services by cause in the table's order, then by what one fix acts on, largest first", () => {
    const fleet = groupFailing([
      row("ok"),
      row("b", { code: "TRUST_MISSING_EAS", subject: "ecs-batch-role" }),
      row("a", { code: "TRUST_MISSING_EAS", subject: "ecs-batch-role" }, "ap-southeast-1"),
      row("c", { code: "TRUST_MISSING_EAS", subject: "other" }),
      row("m", { code: "ROLE_NOT_FOUND", subject: "deleted-role" }),
      row("x", { code: "INSTANCE_CRASH" }),
      row("y", { code: "INSTANCE_CRASH" }),
      row("r", { code: "UNKNOWN", cleared: true }),
    ]);
    expect(fleet.map((c) => [c.code, c.count])).toEqual([["ROLE_NOT_FOUND", 1], ["TRUST_MISSING_EAS", 3], ["INSTANCE_CRASH", 2], ["REDEPLOY_PENDING", 1]]);
    expect(fleet[1].groups).toEqual([
      { subject: "ecs-batch-role", services: [{ region: "ap-southeast-1", name: "a", status: "Failed" }, { region: "cn-hangzhou", name: "b", status: "Failed" }] },
      { subject: "other", services: [{ region: "cn-hangzhou", name: "c", status: "Failed" }] },
    ]);
    // A crash belongs to each service alone.
    expect(fleet[2].groups.map((g) => [g.subject, g.services.map((s) => s.name)])).toEqual([[undefined, ["x"]], [undefined, ["y"]]]);
  });
});
