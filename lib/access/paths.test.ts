import { describe, expect, it } from "vitest";
import type { NamedPolicy, PolicyDocument, Statement } from "../policy/types";
import { buildAccessGraph } from "./graph";
import { pathsToRole } from "./paths";
import { whoCan } from "./reach";
import type { AccessInventory } from "./types";

const UID = "1784200000000001";
const NOW = new Date("2026-12-07T12:00:00Z");
const arn = (name: string) => `acs:ram::${UID}:role/${name.toLowerCase()}`;
const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: "1", Statement });
const pol = (name: string, ...s: Statement[]): NamedPolicy => ({ name, document: doc(...s) });
const allow = (Action: string[], Resource: string[] = ["*"], Condition?: Statement["Condition"]): Statement => ({ Effect: "Allow", Action, Resource, ...(Condition ? { Condition } : {}) });
const trustRam = (...names: string[]) => doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { RAM: names } });
const trustEas = doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["eas.pai.aliyuncs.com"] } });
const passTo = (role: string, service = "eas.pai.aliyuncs.com") => allow(["ram:PassRole"], [`acs:ram::*:role/${role}`], { StringEquals: { "acs:Service": [service] } });
const createService = allow(["eas:CreateService"], ["acs:eas:*:*:service/*"]);

function inv(users: AccessInventory["users"], roles: { name: string; trust?: PolicyDocument; policies?: NamedPolicy[] }[]): AccessInventory {
  return { accountId: UID, users, roles: roles.map((r) => ({ name: r.name, arn: arn(r.name), trust: r.trust, policies: r.policies ?? [] })) };
}
const paths = (i: AccessInventory, role: string) => pathsToRole(buildAccessGraph(i, { now: NOW }), role);
const summary = (i: AccessInventory, role: string) => paths(i, role).map((p) => `${p.principal.type}:${p.principal.name} ${p.kind} ${p.roles.join(">")}`);

describe("pass-to-eas", () => {
  const roles = [{ name: "EasRunner", trust: trustEas }];

  it("needs PassRole for EAS and a create or update on some service", () => {
    const both = inv([{ name: "alice", policies: [pol("P", passTo("easrunner"), createService)] }], roles);
    const [p] = paths(both, "EasRunner");
    expect(p).toMatchObject({ principal: { type: "user", name: "alice" }, kind: "pass-to-eas", roles: ["EasRunner"] });
    expect(p.edges.map((e) => [e.from, e.to, e.via, e.statement.policy, e.statement.statementIndex])).toEqual([
      ["user:alice", "role:EasRunner", "ram:PassRole", "P", 0],
      ["user:alice", "service:eas.pai.aliyuncs.com", "eas:CreateService", "P", 1],
      ["service:eas.pai.aliyuncs.com", "role:EasRunner", "trust", "AssumeRolePolicy", 0],
    ]);
    expect(p.cut).toMatchObject({ edge: 0, via: "ram:PassRole" });
    expect(summary(inv([{ name: "alice", policies: [pol("P", passTo("easrunner"))] }], roles), "EasRunner")).toEqual([]);
    expect(summary(inv([{ name: "alice", policies: [pol("P", createService)] }], roles), "EasRunner")).toEqual([]);
  });

  it("counts UpdateService on one named service, and refuses when a Deny covers the services", () => {
    const update = allow(["eas:UpdateService"], ["acs:eas:cn-shanghai:*:service/team-*"]);
    expect(summary(inv([{ name: "alice", policies: [pol("P", passTo("*"), update)] }], roles), "EasRunner")).toEqual(["user:alice pass-to-eas EasRunner"]);
    const denied = pol("D", { Effect: "Deny", Action: ["eas:*"], Resource: ["*"] });
    expect(summary(inv([{ name: "alice", policies: [pol("P", passTo("*"), update), denied] }], roles), "EasRunner")).toEqual([]);
  });

  it("is no path when the PassRole is bound by acs:Service to another service", () => {
    const ecs = inv([{ name: "alice", policies: [pol("P", passTo("easrunner", "ecs.aliyuncs.com"), createService)] }], roles);
    expect(summary(ecs, "EasRunner")).toEqual([]);
  });

  it("evaluates conditions: an expired grant or one on an unknown source IP makes no path", () => {
    const expired = allow(["ram:PassRole"], ["*"], { DateLessThan: { "acs:CurrentTime": ["2026-01-01T00:00:00Z"] } });
    const current = allow(["ram:PassRole"], ["*"], { DateLessThan: { "acs:CurrentTime": ["2027-01-01T00:00:00Z"] } });
    const fromIp = allow(["ram:PassRole"], ["*"], { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } });
    expect(summary(inv([{ name: "a", policies: [pol("P", expired, createService)] }], roles), "EasRunner")).toEqual([]);
    expect(summary(inv([{ name: "a", policies: [pol("P", current, createService)] }], roles), "EasRunner")).toEqual(["user:a pass-to-eas EasRunner"]);
    expect(summary(inv([{ name: "a", policies: [pol("P", fromIp, createService)] }], roles), "EasRunner")).toEqual([]);
  });

  it("needs the role to trust EAS", () => {
    const noEas = inv([{ name: "alice", policies: [pol("P", passTo("*"), createService)] }], [{ name: "EasRunner", trust: trustRam(`acs:ram::${UID}:root`) }]);
    expect(summary(noEas, "EasRunner")).toEqual([]);
  });

  it("names the group a grant comes through", () => {
    const i = inv([{ name: "bob", policies: [pol("G", passTo("easrunner"), createService)], fromGroup: { G: "ml-team" } }], roles);
    expect(paths(i, "EasRunner")[0].edges[0].statement).toEqual({ policy: "G", statementIndex: 0, group: "ml-team" });
  });
});

describe("assume", () => {
  const assumeAny = pol("A", allow(["sts:AssumeRole"]));

  it("needs both the trust policy and the principal's own sts:AssumeRole", () => {
    const roles = [{ name: "Ops", trust: trustRam(`acs:ram::${UID}:root`) }];
    expect(summary(inv([{ name: "alice", policies: [assumeAny] }, { name: "bob", policies: [] }], roles), "Ops")).toEqual(["user:alice assume Ops"]);
    const onlyCarol = [{ name: "Ops", trust: trustRam(`acs:ram::${UID}:user/carol`) }];
    expect(summary(inv([{ name: "alice", policies: [assumeAny] }, { name: "carol", policies: [assumeAny] }], onlyCarol), "Ops")).toEqual(["user:carol assume Ops"]);
  });

  it("compares role names without case and cuts at the trust entry", () => {
    const roles = [{ name: "OpsRole", trust: trustRam(`acs:ram::${UID}:user/alice`) }];
    const p = paths(inv([{ name: "alice", policies: [pol("A", allow(["sts:AssumeRole"], [`acs:ram::${UID}:role/opsrole`]))] }], roles), "OPSROLE");
    expect(p.map((x) => [x.kind, x.cut.via, x.cut.edge])).toEqual([["assume", "trust", 1]]);
  });
});

describe("chain", () => {
  it("reaches a role through roles that may assume it, and ends on a cycle", () => {
    const assumeAny = pol("A", allow(["sts:AssumeRole"]));
    const roles = [
      { name: "Entry", trust: trustRam(`acs:ram::${UID}:user/alice`), policies: [assumeAny] },
      { name: "Middle", trust: trustRam(`acs:ram::${UID}:role/entry`, `acs:ram::${UID}:role/target`), policies: [assumeAny] },
      { name: "Target", trust: trustRam(`acs:ram::${UID}:role/middle`), policies: [assumeAny] },
    ];
    const i = inv([{ name: "alice", policies: [assumeAny] }], roles);
    expect(summary(i, "Target")).toEqual(["role:Entry chain Middle>Target", "role:Middle assume Target", "user:alice chain Entry>Middle>Target"]);
    const chain = paths(i, "Target").find((p) => p.principal.name === "alice")!;
    expect(chain.edges.map((e) => e.via)).toEqual(["sts:AssumeRole", "trust", "sts:AssumeRole", "trust", "sts:AssumeRole", "trust"]);
    // Target may assume Middle and Middle Target: the cycle is drawn once, not followed.
    expect(summary(i, "Middle")).toEqual(["role:Entry assume Middle", "role:Target assume Middle", "user:alice chain Entry>Middle"]);
  });
});

describe("cut", () => {
  it("is an edge whose statement, removed, breaks the path", () => {
    const grant = pol("Grant", passTo("easrunner"));
    const deploy = pol("Deploy", createService);
    const users = [{ name: "alice", policies: [grant, deploy] }];
    const roles = [{ name: "EasRunner", trust: trustEas }];
    const [p] = paths(inv(users, roles), "EasRunner");
    const without = users.map((u) => ({ ...u, policies: u.policies.filter((x) => x.name !== p.cut.statement.policy) }));
    expect(summary(inv(without, roles), "EasRunner")).toEqual([]);
  });
});

describe("whoCan", () => {
  it("lists direct grants and principals reaching a role that holds the action", () => {
    const roles = [{ name: "Reader", trust: trustRam(`acs:ram::${UID}:user/alice`), policies: [pol("R", allow(["oss:GetObject"], ["acs:oss:*:*:models/*"]))] }];
    const users = [
      { name: "alice", policies: [pol("A", allow(["sts:AssumeRole"]))] },
      { name: "bob", policies: [pol("B", allow(["oss:*"]))] },
    ];
    const out = whoCan(buildAccessGraph(inv(users, roles), { now: NOW }), "oss:GetObject", "acs:oss:*:*:models/m.bin");
    expect(out.map((r) => `${r.principal.type}:${r.principal.name} ${r.via}${r.via === "role" ? ` ${r.role} ${r.path.kind}` : ""}`)).toEqual([
      "role:Reader direct",
      "user:alice role Reader assume",
      "user:bob direct",
    ]);
  });
});

describe("pathsAddedBy", () => {
  it("names the paths a PassRole grant creates, through EAS and on through the roles the role may assume", async () => {
    const { pathsAddedBy } = await import("./new-paths");
    const assumeAny = pol("A", allow(["sts:AssumeRole"]));
    const roles = [
      { name: "EasRunner", trust: trustEas, policies: [assumeAny] },
      { name: "Deep", trust: trustRam(`acs:ram::${UID}:role/easrunner`) },
      { name: "Other", trust: trustEas },
    ];
    const users = [{ name: "bob", policies: [pol("Deploy", createService)] }];
    const grant = pol("PassRole-EasRunner", allow(["ram:PassRole"], [arn("EasRunner")]));
    const added = pathsAddedBy(inv(users, roles), "bob", grant, NOW);
    expect(added.map((p) => `${p.kind} ${p.roles.join(">")} cut ${p.cut.statement.policy}`)).toEqual(["pass-to-eas EasRunner cut PassRole-EasRunner", "chain EasRunner>Deep cut PassRole-EasRunner"]);
    // Granted already: approving adds nothing.
    expect(pathsAddedBy(inv([{ name: "bob", policies: [pol("Deploy", createService), grant] }], roles), "bob", grant, NOW)).toEqual([]);
  });
});
