import { describe, expect, it } from "vitest";
import { EAS_EVENTS } from "../../emulator/eas/event-messages";
import { parseImageRef } from "../../emulator/eas/registry";
import { evaluate } from "../policy/evaluate";
import { HZ, ROLES, facts, role, easTrust, serviceSaid, systemPolicy, withRole } from "../../tests/support/diagnosis-facts";
import { diagnose } from "./diagnose";
import type { Diagnosis, DiagnosisFacts, Evidence, FixProposal } from "./types";

// Scheduling, mounts, image pulls and the run, with the emulator's events and the RAM state of
// its runtime scenarios (scn-runner reads OSS and CR; scn-no-cr reads nothing).

const INSTANCE = "scn-x-7f9c1d-0a1b2";
const failed = (event: ReturnType<typeof serviceSaid>, f: DiagnosisFacts, status = "Failed") => diagnose({ status, event, facts: f });
const ev = <K extends Evidence["kind"]>(d: Diagnosis, kind: K) => d.cause.evidence.filter((e): e is Extract<Evidence, { kind: K }> => e.kind === kind);
const covers = (fix: FixProposal | undefined, action: string, resource: string) =>
  fix?.kind === "create-scoped-policy" && evaluate({ action, resource }, [{ name: fix.policyName, document: fix.document }]).decision === "Allow";

describe("INSUFFICIENT_RESOURCES", () => {
  it("names what the scheduler is short of and what the service asks for, and points at the resource settings", () => {
    const cfg = withRole("scn-gpu", "scn-runner", { metadata: { instance: 1, cpu: 4, memory: 16000, gpu: 1 } });
    const d = failed(serviceSaid(EAS_EVENTS.failedScheduling(INSTANCE, 12, ["gpu"])), facts(cfg, { role: ROLES.runner() }), "Waiting");
    expect(d.cause).toMatchObject({ code: "INSUFFICIENT_RESOURCES", values: { region: HZ, resources: "nvidia.com/gpu", instances: 1 }, subject: HZ });
    expect(ev(d, "resources")).toEqual([{ kind: "resources", region: HZ, instances: 1, perInstance: { cpu: 4, memory: 16000, gpu: 1 }, short: ["nvidia.com/gpu"], nodes: 12 }]);
    expect(d.fixes).toEqual([]);
    expect(d.advice.map((a) => a.id)).toEqual(["resource-settings"]);
    const both = failed(serviceSaid(EAS_EVENTS.failedScheduling(INSTANCE, 8, ["cpu", "gpu"])), facts(cfg, { role: ROLES.runner() }), "Waiting");
    expect(ev(both, "resources")[0].short).toEqual(["cpu", "nvidia.com/gpu"]);
  });

  it("Waiting without a scheduling failure is a queue, not a failure", () => {
    expect(diagnose({ status: "Waiting", event: { type: "Normal", reason: "Scaling", message: "Stage scaling" }, facts: facts(withRole("x", "scn-runner"), { role: ROLES.runner() }) }).cause.code).toBe("NONE");
  });
});

describe("MOUNT_DENIED", () => {
  const cfg = withRole("scn-mount", "scn-no-cr", { storage: [{ oss: { path: "oss://scn-data/in/", readOnly: true }, mount_path: "/mnt/in" }] });
  const coverPolicies = ["AliyunOSSReadOnlyAccess", "AliyunNASReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess"].map(systemPolicy);
  const event = serviceSaid(EAS_EVENTS.mountDenied(INSTANCE, "oss-0", "oss://scn-data/in/", "oss:ListObjects", "acs:oss:*:1784200000000001:scn-data"));

  it("shows the denied action with no statement allowing it, and offers the read-only system policy or one scoped to the mount", () => {
    const d = failed(event, facts(cfg, { role: ROLES.noCr(), fixInputs: { coverPolicies } }));
    expect(d.cause).toMatchObject({ code: "MOUNT_DENIED", subject: "scn-no-cr", values: { role: "scn-no-cr", target: "oss://scn-data/in/", action: "oss:ListObjects", count: 1 } });
    expect(ev(d, "need")).toEqual([
      { kind: "need", roleName: "scn-no-cr", need: { kind: "oss-mount", path: "storage[0].oss.path", target: "oss://scn-data/in/" }, action: "oss:ListObjects", resource: "acs:oss:*:1784200000000001:scn-data", decision: "ImplicitDeny" },
    ]);
    expect(d.fixes.map((f) => f.id)).toEqual(["attach-policy:AliyunOSSReadOnlyAccess", "scoped-policy"]);
    const scoped = d.fixes[1];
    expect(covers(scoped, "oss:GetObject", "acs:oss:*:1784200000000001:scn-data/in/model.bin")).toBe(true);
    expect(covers(scoped, "oss:GetObject", "acs:oss:*:1784200000000001:other-bucket/x")).toBe(false);
    expect(covers(scoped, "oss:PutObject", "acs:oss:*:1784200000000001:scn-data/in/x")).toBe(false);
    expect(scoped).toMatchObject({ roleName: "scn-no-cr", policyName: expect.stringMatching(/^scn-no-cr-eas-needs-[0-9a-f]{8}$/) });
  });

  it("a writable mount is not covered by a read-only policy: only the scoped one is offered", () => {
    const rw = withRole("scn-rw", "scn-no-cr", { storage: [{ oss: { path: "oss://scn-data/out/" }, mount_path: "/mnt/out" }] });
    const d = failed(event, facts(rw, { role: ROLES.noCr(), fixInputs: { coverPolicies } }));
    expect(d.fixes.map((f) => f.id)).toEqual(["scoped-policy"]);
    expect(covers(d.fixes[0], "oss:PutObject", "acs:oss:*:1784200000000001:scn-data/out/x")).toBe(true);
  });

  it("a model_path the role may not read is a mount the platform cannot make", () => {
    const model = withRole("scn-model", "scn-no-cr", { processor: "pmml", model_path: "oss://scn-models/churn/model.pmml", containers: undefined });
    const d = failed(serviceSaid(EAS_EVENTS.mountDenied(INSTANCE, "model", "oss://scn-models/churn/model.pmml", "oss:ListObjects", "acs:oss:*:1784200000000001:scn-models")), facts(model, { role: ROLES.noCr() }));
    expect(d.cause).toMatchObject({ code: "MOUNT_DENIED", values: { target: "oss://scn-models/churn/model.pmml" } });
    expect(ev(d, "need")[0].need).toEqual({ kind: "oss-model", path: "model_path", target: "oss://scn-models/churn/model.pmml" });
  });

  it("an explicit Deny is the deciding statement, and no Allow is offered against it", () => {
    const deny = { name: "no-scn-data", type: "Custom" as const, document: { Version: "1" as const, Statement: [{ Effect: "Deny" as const, Action: ["oss:*"], Resource: ["acs:oss:*:*:scn-data"] }] } };
    const d = failed(event, facts(cfg, { role: role("scn-no-cr", easTrust, [systemPolicy("AliyunOSSReadOnlyAccess"), deny]), fixInputs: { coverPolicies } }));
    expect(ev(d, "need")[0]).toMatchObject({ decision: "ExplicitDeny", deciding: { policy: "no-scn-data", statementIndex: 0, effect: "Deny" } });
    expect(d.fixes).toEqual([]);
  });

  it("a mount the role now allows was fixed since: redeploy", () => {
    expect(failed(event, facts(cfg, { role: ROLES.runner() }))).toMatchObject({ cause: { code: "UNKNOWN" }, cleared: true });
  });
});

describe("IMAGE_PULL_DENIED and IMAGE_NOT_FOUND", () => {
  const asr = "registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4";
  const cfg = withRole("scn-pull", "scn-no-cr", { containers: [{ image: asr, port: 8000 }] });

  it("401 Unauthorized with a role that may not read the registry: grant Container Registry read", () => {
    const d = failed(serviceSaid(EAS_EVENTS.pullDenied(INSTANCE, asr), "ImagePullBackOff"), facts(cfg, { role: ROLES.noCr(), fixInputs: { coverPolicies: [systemPolicy("AliyunContainerRegistryReadOnlyAccess")] } }));
    expect(d.cause).toMatchObject({ code: "IMAGE_PULL_DENIED", values: { role: "scn-no-cr", target: asr, action: "cr:GetRepository" } });
    expect(ev(d, "need")[0]).toMatchObject({ need: { kind: "image-pull", path: "containers[0].image" }, resource: "acs:cr:cn-hangzhou:1784200000000001:repository/ml-team/asr", decision: "ImplicitDeny" });
    expect(d.fixes.map((f) => f.id)).toEqual(["attach-policy:AliyunContainerRegistryReadOnlyAccess", "scoped-policy"]);
    expect(covers(d.fixes[1], "cr:PullRepository", "acs:cr:cn-hangzhou:1784200000000001:repository/ml-team/asr")).toBe(true);
  });

  it("no such host: the registry is not reachable from the VPC, whatever the role may do", () => {
    const image = "python:3.10";
    const d = failed(serviceSaid(EAS_EVENTS.noSuchHost(INSTANCE, image, parseImageRef(image)), "ImagePullBackOff"), facts(withRole("scn-dockerhub", "scn-no-cr", { containers: [{ image }] }), { role: ROLES.noCr() }));
    expect(d.cause).toMatchObject({ code: "IMAGE_NOT_FOUND", values: { image, host: "registry-1.docker.io", problem: "host" } });
    expect(ev(d, "image")).toEqual([{ kind: "image", image, problem: "no-such-host", host: "registry-1.docker.io" }]);
    expect(d.advice).toEqual([{ id: "image-address", image, region: HZ }]);
  });

  it("not found: the registry has no such repository, told apart from 401", () => {
    const image = "registry.cn-hangzhou.aliyuncs.com/ml-team/ghost-model:2.0";
    const d = failed(serviceSaid(EAS_EVENTS.repositoryNotFound(INSTANCE, image, image), "ImagePullBackOff"), facts(withRole("scn-ghost", "scn-runner", { containers: [{ image }] }), { role: ROLES.runner() }));
    expect(d.cause).toMatchObject({ code: "IMAGE_NOT_FOUND", values: { problem: "repository", repository: "ml-team/ghost-model" } });
  });
});

describe("INSTANCE_CRASH and OOM_KILLED", () => {
  const cfg = withRole("scn-crash", "scn-runner");

  it("a crash points at the instance log, with the instance named", () => {
    const d = failed(serviceSaid(EAS_EVENTS.crashed(INSTANCE), "CrashLoopBackOff"), facts(cfg, { role: ROLES.runner() }));
    expect(d.cause).toMatchObject({ code: "INSTANCE_CRASH", values: { instance: INSTANCE } });
    expect(ev(d, "instances")).toEqual([{ kind: "instances", names: [INSTANCE] }]);
    expect(d).toMatchObject({ fixes: [], advice: [{ id: "instance-log", instances: [INSTANCE] }] });
  });

  it("an OOM kill reads the limit from the event and points at metadata.memory", () => {
    const d = failed(serviceSaid(EAS_EVENTS.oomKilled(INSTANCE, 4000), "OOMKilled"), facts(cfg, { role: ROLES.runner() }));
    expect(d.cause).toMatchObject({ code: "OOM_KILLED", values: { memory: 4000 } });
    expect(ev(d, "instances")).toEqual([{ kind: "instances", names: [INSTANCE], exitCode: 137, memoryLimitMb: 4000 }]);
    expect(d.advice[0]).toEqual({ id: "memory-settings", field: "metadata.memory", memoryMb: 4000 });
    expect(failed(serviceSaid(EAS_EVENTS.oomKilled(INSTANCE, undefined), "OOMKilled"), facts(withRole("y", "scn-runner", { metadata: { instance: 1 } }), { role: ROLES.runner() })).cause.values).toEqual({ memory: 0 });
  });

  it("the back-off event alone still reads as a crash", () => {
    expect(failed(serviceSaid(EAS_EVENTS.backOffRestart(INSTANCE)), facts(cfg, { role: ROLES.runner() })).cause.code).toBe("INSTANCE_CRASH");
  });
});
