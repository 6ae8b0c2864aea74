import { describe, expect, it } from "vitest";
import type { NamedPolicy } from "../policy/types";
import { buildProposal, generalise, type DeployNeed } from "./proposal";
import type { ServiceUse } from "./types";

const OSS_FULL: NamedPolicy = { name: "AliyunOSSFullAccess", type: "System", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:*"], Resource: ["*"] }] } };
const CR_READ: NamedPolicy = { name: "AliyunContainerRegistryReadOnlyAccess", type: "System", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["cr:Get*", "cr:List*", "cr:PullRepository"], Resource: ["*"] }] } };
const used: ServiceUse[] = [
  {
    service: "oss",
    lastAccessed: "2026-12-01T00:00:00.000Z",
    actions: [
      { action: "oss:GetObject", lastUsed: "2026-12-01T00:00:00.000Z", count: 40, resources: ["acs:oss:*:*:models/fraud/v3/model.bin", "acs:oss:*:*:models/fraud/v3/vocab.txt"] },
      { action: "oss:ListObjects", lastUsed: "2026-11-30T00:00:00.000Z", count: 2, resources: ["acs:oss:*:*:models"] },
    ],
  },
];
const needs: DeployNeed[] = [
  { kind: "oss-mount", target: "oss://datasets/train/", checks: [{ action: "oss:ListObjects", resource: "acs:oss:*:1:datasets" }, { action: "oss:GetObject", resource: "acs:oss:*:1:datasets/train/*" }] },
  { kind: "image-pull", target: "registry.cn-hangzhou.aliyuncs.com/ml/fraud:3", checks: [{ action: "cr:PullRepository", resource: "acs:cr:cn-hangzhou:1:repository/ml/fraud" }] },
];

describe("generalise", () => {
  it("widens an object to its key prefix and no further", () => {
    expect(generalise("acs:oss:*:*:models/fraud/v3/model.bin")).toBe("acs:oss:*:*:models/fraud/v3/*");
    expect(generalise("acs:oss:*:*:models/readme.md")).toBe("acs:oss:*:*:models/*");
    expect(generalise("acs:oss:*:*:models")).toBe("acs:oss:*:*:models");
    expect(generalise("acs:ram:*:1:role/x")).toBe("acs:ram:*:1:role/x");
  });
});

describe("buildProposal", () => {
  const p = buildProposal({ policies: [OSS_FULL, CR_READ], used, needs });

  it("allows the actions seen on the prefixes seen, and drops the rest of oss:*", () => {
    const usedStmts = p.statements.filter((s) => s.why.kind === "used");
    expect(usedStmts).toContainEqual(expect.objectContaining({ actions: ["oss:GetObject"], resources: ["acs:oss:*:*:models/fraud/v3/*"] }));
    expect(usedStmts).toContainEqual(expect.objectContaining({ actions: ["oss:ListObjects"], resources: ["acs:oss:*:*:models"] }));
    expect(p.keptActions).not.toContain("oss:DeleteObject");
    expect(p.document.Statement.flatMap((s) => s.Action ?? [])).not.toContain("oss:*");
  });

  it("keeps every deploy need, saying which", () => {
    const deploy = p.statements.filter((s) => s.why.kind === "deploy");
    const pairs = deploy.flatMap((s) => s.actions.flatMap((a) => s.resources.map((r) => `${a} ${r}`)));
    for (const n of needs) for (const c of n.checks) expect(pairs).toContain(`${c.action} ${c.resource}`);
    expect(p.deployNeeds).toEqual(["image-pull", "oss-mount"]);
  });

  it("proves it grants nothing new", () => {
    expect(p.noNewAccess).toEqual({ holds: true });
  });

  it("counts what it drops and keeps", () => {
    expect(p.grantedActions).toEqual(["cr:Get*", "cr:List*", "cr:PullRepository", "oss:*"]);
    expect(p.droppedActions).toEqual(["cr:Get*", "cr:List*"]);
    expect(p.keptActions).toEqual(["cr:PullRepository", "oss:GetObject", "oss:ListObjects"]);
  });

  it("keeps an object exact where only the object is allowed now", () => {
    const narrow: NamedPolicy = { name: "one-file", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/fraud/v3/model.bin"] }] } };
    const q = buildProposal({ policies: [narrow], used, needs: [] });
    expect(q.document.Statement).toEqual([{ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/fraud/v3/model.bin"] }]);
    expect(q.noNewAccess).toEqual({ holds: true });
  });

  it("keeps current Denies word for word and the conditions of what it narrows", () => {
    const cond = { Bool: { "acs:SecureTransport": ["true"] } };
    const guarded: NamedPolicy = {
      name: "guarded",
      document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:*"], Resource: ["*"], Condition: cond }, { Effect: "Deny", Action: ["oss:DeleteBucket"], Resource: ["*"] }] },
    };
    const q = buildProposal({ policies: [guarded], used, needs: [] });
    expect(q.document.Statement).toContainEqual({ Effect: "Deny", Action: ["oss:DeleteBucket"], Resource: ["*"] });
    expect(q.document.Statement.filter((s) => s.Effect === "Allow").every((s) => JSON.stringify(s.Condition) === JSON.stringify(cond))).toBe(true);
    expect(q.noNewAccess).toEqual({ holds: true });
  });

  it("reports a deploy need the current policies do not grant instead of claiming the proof", () => {
    const q = buildProposal({ policies: [OSS_FULL], used, needs });
    expect(q.noNewAccess).toEqual({ holds: false, counterexample: { action: "cr:PullRepository", resource: "acs:cr:cn-hangzhou:1:repository/ml/fraud" } });
  });
});
