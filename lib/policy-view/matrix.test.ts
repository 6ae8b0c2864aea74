import { describe, expect, it } from "vitest";
import { buildPermissionMatrix, resourceHasWildcard, serviceOf } from "./matrix";
import type { NamedPolicy } from "../policy/types";

const ossRead: NamedPolicy = { name: "AliyunOSSReadOnlyAccess", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:Get*", "oss:List*"], Resource: ["*"] }] } };
const modelsRw: NamedPolicy = {
  name: "oss-models-rw",
  document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject", "oss:DeleteObject"], Resource: ["acs:oss:*:*:models", "acs:oss:*:*:models/*"] }] },
};
const denyDelete: NamedPolicy = { name: "deny-oss-delete", document: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:DeleteObject"], Resource: ["acs:oss:*:*:models/*"] }] } };

describe("buildPermissionMatrix", () => {
  it("groups action rows by service and marks wildcard cells with the statement behind them", () => {
    const m = buildPermissionMatrix([ossRead]);
    expect(m.columns.map((c) => c.label)).toEqual(["*"]);
    expect(m.groups.map((g) => g.service)).toEqual(["oss"]);
    const get = m.groups[0].rows.find((r) => r.label === "oss:Get*")!;
    expect(get.cells["*"]).toEqual({ effect: "Allow", wildcard: true, refs: [{ policy: "AliyunOSSReadOnlyAccess", statementIndex: 0, effect: "Allow", conditional: false }] });
  });

  it("lets a Deny win the cell it shares with an Allow, and keeps both statements", () => {
    const m = buildPermissionMatrix([modelsRw, denyDelete]);
    const del = m.groups[0].rows.find((r) => r.label === "oss:DeleteObject")!;
    const cell = del.cells["acs:oss:*:*:models/*"];
    expect(cell.effect).toBe("Deny");
    expect(cell.refs.map((r) => r.policy)).toEqual(["oss-models-rw", "deny-oss-delete"]);
    expect(del.cells["acs:oss:*:*:models"]).toMatchObject({ effect: "Allow", wildcard: false });
    expect(m.groups[0].rows.find((r) => r.label === "oss:GetObject")!.cells["acs:oss:*:*:models/*"]).toMatchObject({ effect: "Allow", wildcard: true });
  });

  it("orders services and columns, the account-wide ones first, and keeps NotAction apart", () => {
    const m = buildPermissionMatrix([
      { name: "p", document: { Version: "1", Statement: [
        { Effect: "Allow", Action: ["ram:PassRole"], Resource: ["acs:ram::1:role/x"] },
        { Effect: "Allow", Action: ["eas:*"], Resource: ["*"], Condition: { Bool: { "acs:MFAPresent": ["true"] } } },
        { Effect: "Deny", NotAction: ["oss:GetObject"], Resource: ["*"] },
      ] } },
    ]);
    expect(m.groups.map((g) => g.service)).toEqual(["*", "eas", "ram"]);
    expect(m.columns.map((c) => c.label)).toEqual(["*", "acs:ram::1:role/x"]);
    expect(m.groups[0].rows[0]).toMatchObject({ label: "oss:GetObject", negated: true });
    expect(m.groups[1].rows[0].cells["*"].refs[0]).toMatchObject({ statementIndex: 1, conditional: true });
  });

  it("reads the service code of an action", () => {
    expect(serviceOf("OSS:GetObject")).toBe("oss");
    expect(serviceOf("*")).toBe("*");
  });
});

describe("resourceHasWildcard", () => {
  it("looks at the resource id, not at a region or account left open", () => {
    expect(resourceHasWildcard("acs:oss:*:*:models")).toBe(false);
    expect(resourceHasWildcard("acs:oss:*:*:models/*")).toBe(true);
    expect(resourceHasWildcard("acs:ram::1:role/eas-?")).toBe(true);
    expect(resourceHasWildcard("*")).toBe(true);
  });
});
