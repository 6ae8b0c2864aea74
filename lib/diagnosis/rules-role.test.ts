import { describe, expect, it } from "vitest";
import { EAS_DIAGNOSES, EAS_EVENTS } from "../../emulator/eas/event-messages";
import { BOB, HZ, ROLES, facts, missingRole, passAllowed, passDenied, role, roleArnOf, serviceSaid, withRole } from "../../tests/support/diagnosis-facts";
import { diagnose } from "./diagnose";
import type { Diagnosis, DiagnosisFacts, Evidence } from "./types";

// The render stage's causes, with the events the emulator writes and the RAM state its role
// scenarios set up. Under --generic-role-errors every one of them says ASSUME_ROLE_DENIED.

const GENERIC = serviceSaid(EAS_EVENTS.assumeRoleDenied());
const failed = (event: ReturnType<typeof serviceSaid>, f: DiagnosisFacts) => diagnose({ status: "Failed", event, facts: f });
const ev = <K extends Evidence["kind"]>(d: Diagnosis, kind: K) => d.cause.evidence.find((e): e is Extract<Evidence, { kind: K }> => e.kind === kind);
/** Everything but the event itself, which differs in wording only. */
const decided = (d: Diagnosis) => ({ cause: { ...d.cause, evidence: d.cause.evidence.filter((e) => e.kind !== "event") }, fixes: d.fixes, advice: d.advice });

describe("ROLE_NOT_FOUND", () => {
  const cfg = withRole("scn-missing", "scn-never-created");
  const state = { role: missingRole("scn-never-created"), fixInputs: { candidates: [
    { name: "scn-runner", arn: roleArnOf("scn-runner"), coversNeeds: true, deployerMayPass: false },
    { name: "scn-no-cr", arn: roleArnOf("scn-no-cr"), coversNeeds: true, deployerMayPass: true },
    { name: "scn-weak", arn: roleArnOf("scn-weak"), coversNeeds: false, deployerMayPass: true },
  ] } };

  it("names the missing role with RAM's own answer, and offers existing roles that EAS may assume and that cover the needs", () => {
    const d = failed(serviceSaid(EAS_EVENTS.roleNotExist(roleArnOf("scn-never-created"))), facts(cfg, state));
    expect(d.cause).toMatchObject({ code: "ROLE_NOT_FOUND", values: { role: "scn-never-created" }, subject: "scn-never-created" });
    expect(ev(d, "role-missing")).toMatchObject({ reason: "not-found", roleArn: roleArnOf("scn-never-created"), cloud: { code: "EntityNotExist.Role" } });
    // Those the deployer may pass come first; a role short of the needs is not offered.
    expect(d.fixes.map((f) => f.id)).toEqual(["role-arn:scn-no-cr", "role-arn:scn-runner"]);
    expect(d.fixes[0]).toMatchObject({ kind: "point-role-arn", roleArn: roleArnOf("scn-no-cr"), configPath: "role_arn" });
  });

  it("is decided by RAM, not by the words: the generic message gives the same diagnosis", () => {
    const specific = failed(serviceSaid(EAS_EVENTS.roleNotExist(roleArnOf("scn-never-created"))), facts(cfg, state));
    expect(decided(failed(GENERIC, facts(cfg, state)))).toEqual(decided(specific));
  });

  it("a role_arn of another account, or no ARN at all, is a missing role too", () => {
    const other = facts({ ...cfg, role_arn: "acs:ram::999:role/scn-runner" }, { role: ROLES.runner() });
    expect(ev(failed(GENERIC, other), "role-missing")?.reason).toBe("other-account");
    const malformed = facts({ ...cfg, role_arn: "scn-runner" });
    expect(failed(GENERIC, malformed).cause).toMatchObject({ code: "ROLE_NOT_FOUND", evidence: [expect.anything(), { kind: "role-missing", reason: "malformed-arn" }] });
  });

  it("points credential.role_arn when that is where the config names the role", () => {
    const { role_arn, ...rest } = cfg;
    const d = failed(GENERIC, facts({ ...rest, credential: { role_arn } }, state));
    expect(d.fixes[0]).toMatchObject({ configPath: "credential.role_arn" });
  });
});

describe("PASSROLE_DENIED", () => {
  const cfg = withRole("scn-passrole", "scn-unpassable");
  const state = { role: ROLES.unpassable(), deployer: BOB, passRole: passDenied };

  it("names the deploying user and the role, shows the policy they need, and grants it", () => {
    const who = `bob (${BOB.uid})`;
    const d = failed(serviceSaid(EAS_EVENTS.passRoleDenied(who, roleArnOf("scn-unpassable"))), facts(cfg, state));
    expect(d.cause).toMatchObject({ code: "PASSROLE_DENIED", values: { user: "bob", role: "scn-unpassable" }, subject: "bob → scn-unpassable" });
    const e = ev(d, "passrole")!;
    expect(e).toMatchObject({ userName: "bob", roleArn: roleArnOf("scn-unpassable"), decision: "ImplicitDeny" });
    expect(e.deciding).toBeUndefined();
    expect(JSON.parse(e.required)).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [roleArnOf("scn-unpassable")] }] });
    expect(d.fixes).toEqual([{ id: "grant-passrole", kind: "grant-passrole", userName: "bob", roleName: "scn-unpassable", roleArn: roleArnOf("scn-unpassable") }]);
    expect(decided(failed(GENERIC, facts(cfg, state)))).toEqual(decided(d));
  });

  it("an explicit Deny is shown as the deciding statement, and no grant is offered", () => {
    const deny = { needed: true, allowed: false, decision: { decision: "ExplicitDeny" as const, matched: [{ policy: "no-passing", statementIndex: 1, effect: "Deny" as const }], missingContextKeys: [] } };
    const d = failed(GENERIC, facts(cfg, { ...state, passRole: deny }));
    expect(ev(d, "passrole")?.deciding).toEqual({ policy: "no-passing", statementIndex: 1, effect: "Deny" });
    expect(d.fixes).toEqual([]);
  });

  it("the account itself needs no PassRole: its trust decides instead", () => {
    expect(failed(GENERIC, facts(cfg, { role: ROLES.ecsOnly() })).cause.code).toBe("TRUST_MISSING_EAS");
    expect(failed(GENERIC, facts(cfg, { ...state, passRole: passAllowed })).cause.code).toBe("UNKNOWN");
  });
});

describe("TRUST_MISSING_EAS", () => {
  const cfg = withRole("scn-trust", "scn-ecs-only");

  it("shows the trust policy with the missing principal marked, and adds it", () => {
    const d = failed(GENERIC, facts(cfg, { role: ROLES.ecsOnly() }));
    expect(d.cause).toMatchObject({ code: "TRUST_MISSING_EAS", values: { role: "scn-ecs-only" } });
    const e = ev(d, "trust")!;
    expect(e.lines.filter((l) => l.kind === "add").map((l) => l.text.trim())).toContain('"eas.pai.aliyuncs.com"');
    expect(e.lines.filter((l) => l.kind !== "add").map((l) => l.text).join("\n")).toContain("ecs.aliyuncs.com");
    expect(JSON.parse(e.document).Statement[0].Principal.Service).toEqual(["ecs.aliyuncs.com"]);
    expect(d.fixes).toEqual([{ id: "add-eas-trust", kind: "add-trust-principal", roleName: "scn-ecs-only" }]);
    expect(EAS_DIAGNOSES.assumeRoleDenied(roleArnOf("scn-ecs-only")).error).toBe(d.event?.message);
  });

  it("a Deny for EAS is named, and adding an Allow is not offered", () => {
    const trust = JSON.stringify({ Version: "1", Statement: [
      { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
      { Effect: "Deny", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
    ] });
    const d = failed(GENERIC, facts(cfg, { role: role("scn-ecs-only", trust) }));
    expect(ev(d, "trust")?.deny).toEqual({ policy: "AssumeRolePolicy", statementIndex: 1, effect: "Deny" });
    expect(d.fixes).toEqual([]);
  });

  it("the three role failures are told apart by the account alone", () => {
    const cases: [DiagnosisFacts, string][] = [
      [facts(withRole("a", "scn-never-created"), { role: missingRole("scn-never-created"), deployer: BOB, passRole: passDenied }), "ROLE_NOT_FOUND"],
      [facts(withRole("b", "scn-unpassable"), { role: ROLES.ecsOnly(), deployer: BOB, passRole: passDenied }), "PASSROLE_DENIED"],
      [facts(withRole("c", "scn-ecs-only"), { role: ROLES.ecsOnly(), deployer: BOB, passRole: passAllowed }), "TRUST_MISSING_EAS"],
    ];
    expect(cases.map(([f]) => failed(GENERIC, f).cause.code)).toEqual(cases.map(([, code]) => code));
  });
});

describe("DEFAULT_ROLE_MISSING and WORKSPACE_ID_MISSING", () => {
  it("a Method 1 service without the service-linked role: create it", () => {
    const m1 = { name: "scn-default-role", metadata: { instance: 1, workspace_id: "4242" }, options: { enable_ram_role: true } };
    const d = failed(serviceSaid(EAS_EVENTS.serviceRoleNotExist("AliyunServiceRoleForPaiEas")), facts(m1, { role: missingRole("AliyunServiceRoleForPaiEas") }));
    expect(d.cause.code).toBe("DEFAULT_ROLE_MISSING");
    expect(ev(d, "service-linked-role")).toMatchObject({ roleName: "AliyunServiceRoleForPaiEas", cloud: { code: "EntityNotExist.Role" } });
    expect(d.fixes).toEqual([{ id: "create-service-linked-role", kind: "create-service-linked-role", serviceName: "eas.pai.aliyuncs.com", roleName: "AliyunServiceRoleForPaiEas" }]);
    expect(failed(GENERIC, facts(m1, { role: missingRole("AliyunServiceRoleForPaiEas") })).cause.code).toBe("DEFAULT_ROLE_MISSING");
  });

  it("a Method 1 OSS mount without metadata.workspace_id: set one the region's services use", () => {
    const cfg = { name: "scn-workspace", metadata: { instance: 1 }, options: { enable_ram_role: true }, storage: [{ oss: { path: "oss://scn-bucket/m/", readOnly: true }, mount_path: "/mnt/m" }] };
    const d = failed(serviceSaid(EAS_EVENTS.workspaceIdMissing()), facts(cfg, { role: ROLES.defaultRole(), fixInputs: { workspaces: ["38291", "40117"] } }));
    expect(d.cause).toMatchObject({ code: "WORKSPACE_ID_MISSING", subject: HZ });
    expect(ev(d, "config-field")).toEqual({ kind: "config-field", path: "metadata.workspace_id", neededBy: ["storage[0].oss.path"] });
    expect(d.fixes.map((f) => f.id)).toEqual(["workspace-id:38291", "workspace-id:40117"]);
  });
});

describe("UNKNOWN and NONE", () => {
  it("a render failure about something else has no known cause, and the event is the evidence", () => {
    const d = failed(serviceSaid(EAS_EVENTS.configInvalid("Invalid service config at metadata.instance: expected number")), facts(withRole("x", "scn-runner"), { role: ROLES.runner() }));
    expect(d).toMatchObject({ cause: { code: "UNKNOWN" }, fixes: [] });
    expect(d.cleared).toBeUndefined();
    expect(d.cause.evidence).toEqual([{ kind: "event", event: expect.objectContaining({ reason: "RenderFailed" }) }]);
  });

  it("a role failure whose cause the account no longer shows was fixed since: redeploy", () => {
    const d = failed(GENERIC, facts(withRole("x", "scn-runner"), { role: ROLES.runner() }));
    expect(d).toMatchObject({ cause: { code: "UNKNOWN" }, cleared: true, advice: [{ id: "redeploy" }] });
  });

  it("a running or deploying service has nothing to diagnose", () => {
    expect(diagnose({ status: "Running", facts: facts(withRole("x", "scn-ecs-only"), { role: ROLES.ecsOnly() }) }).cause.code).toBe("NONE");
    expect(diagnose({ status: "Updating", event: GENERIC, facts: facts(withRole("x", "scn-ecs-only"), { role: ROLES.ecsOnly() }) }).cause).toMatchObject({ code: "NONE", values: { status: "Updating" } });
  });
});
