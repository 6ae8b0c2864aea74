import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { control, easGateway, ramGateway } from "../../tests/support/cloud/clients";
import { deploy, easTrust, look, rawInstances, redeploy, roleArnOf, type Seen } from "../../tests/support/cloud/eas-scenario";

const HZ = "cn-hangzhou";
const SG = "ap-southeast-1";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
  const ram = ramGateway(emu.port);
  await ram.createRole({ roleName: "scn-runner", assumeRolePolicyDocument: easTrust });
  for (const policyName of ["AliyunOSSReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess"]) {
    await ram.attachPolicyToRole({ policyName, policyType: "System", roleName: "scn-runner" });
  }
  await ram.createRole({ roleName: "scn-no-cr", assumeRolePolicyDocument: easTrust });
});
afterAll(() => emu.close());

const eas = () => easGateway(emu);
const service = (name: string, extra: Record<string, unknown> = {}, role = "scn-runner") => ({
  name,
  metadata: { instance: 2, cpu: 2, memory: 4000 },
  options: { enable_ram_role: true },
  role_arn: roleArnOf(role),
  containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310", port: 8000 }],
  ...extra,
});
const withImage = (image: string) => ({ containers: [{ image, port: 8000 }] });
const put = (path: string, body: unknown) => control(emu.url, "PUT", path, body);
const del = (path: string, body?: unknown) => control(emu.url, "DELETE", path, body);
const warningText = (s: Seen) => s.warnings.map((w) => w.message).join("\n");

describe("image pulls: DNS from the VPC, the role's registry access, the repository", () => {
  it("an image outside Alibaba Cloud's registries fails with no such host; pushing it to ACR fixes it", async () => {
    const dockerHub = await deploy(emu, eas(), HZ, service("scn-dockerhub", withImage("python:3.10")));
    expect(dockerHub).toMatchObject({ status: "Failed", reason: "ImagePullBackOff" });
    expect(dockerHub.message).toContain('failed to resolve reference "docker.io/library/python:3.10"');
    expect(dockerHub.message).toContain("dial tcp: lookup registry-1.docker.io: no such host");
    expect(dockerHub.message).not.toContain("401");
    expect(dockerHub.warnings.map((w) => w.reason)).toEqual(["Failed", "Failed", "BackOff", "Failed"]);
    expect(dockerHub.instances.map((i) => [i.status, i.reason])).toEqual([["Pending", "ImagePullBackOff"], ["Pending", "ImagePullBackOff"]]);
    expect(dockerHub.diagnosis[0].error).toContain("registry-1.docker.io does not resolve");

    const ghcr = await deploy(emu, eas(), HZ, service("scn-ghcr", withImage("ghcr.io/acme/ranker:2.1")));
    expect(ghcr.message).toContain("dial tcp: lookup ghcr.io: no such host");
    // A -vpc address resolves only inside its own region.
    const otherRegion = await deploy(emu, eas(), HZ, service("scn-vpc-elsewhere", withImage("registry-vpc.ap-southeast-1.aliyuncs.com/ml-team/asr:1.4")));
    expect(otherRegion.message).toContain("lookup registry-vpc.ap-southeast-1.aliyuncs.com: no such host");

    const fixed = await redeploy(emu, eas(), HZ, "scn-dockerhub", withImage("registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/python:3.10"));
    expect(fixed).toMatchObject({ status: "Running", diagnosis: [] });
  });

  it("a repository the registry does not hold fails with not found, distinct from 401; pushing it fixes it", async () => {
    const image = "registry.cn-hangzhou.aliyuncs.com/ml-team/ghost-model:2.0";
    expect((await put("/_emulator/registry/missing", { repository: "ml-team/ghost-model" })).status).toBe(200);
    expect((await control(emu.url, "GET", "/_emulator/registry")).json.missingRepositories).toEqual([{ repository: "ml-team/ghost-model" }]);

    const seen = await deploy(emu, eas(), HZ, service("scn-ghost", withImage(image)));
    expect(seen).toMatchObject({ status: "Failed", reason: "ImagePullBackOff" });
    expect(seen.message).toBe(
      `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
    );
    expect(warningText(seen)).not.toContain("401");
    expect(seen.diagnosis[0].error).toContain("repository ml-team/ghost-model does not exist");

    // Without registry access the 401 comes first, as the registry answers before it looks.
    const denied = await deploy(emu, eas(), HZ, service("scn-ghost-denied", withImage(image), "scn-no-cr"));
    expect(denied.message).toContain("401 Unauthorized");

    expect((await del("/_emulator/registry/missing", { repository: "ml-team/ghost-model" })).json).toMatchObject({ ok: true, missingRepositories: [] });
    expect((await redeploy(emu, eas(), HZ, "scn-ghost")).status).toBe("Running");

    // A repository missing in one region is there in another.
    await put("/_emulator/registry/missing", { repository: "ml-team/regional", region: SG });
    expect((await deploy(emu, eas(), HZ, service("scn-regional", withImage("registry.cn-hangzhou.aliyuncs.com/ml-team/regional:1")))).status).toBe("Running");
    await del("/_emulator/registry/missing");
  });

  it("mounts and pulls the role may not do fail as before, and granting fixes them", async () => {
    const mount = await deploy(emu, eas(), HZ, service("scn-mount", { storage: [{ oss: { path: "oss://scn-data/in/", readOnly: true }, mount_path: "/mnt/in" }] }, "scn-no-cr"));
    expect(mount).toMatchObject({ status: "Failed", reason: "FailedMount" });
    expect(mount.instances[0]).toMatchObject({ status: "Pending", reason: "ContainerCreating" });
    const pull = await deploy(emu, eas(), HZ, service("scn-pull", withImage("registry-vpc.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4"), "scn-no-cr"));
    expect(pull.message).toContain("401 Unauthorized");
    for (const policyName of ["AliyunOSSReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess"]) {
      await ramGateway(emu.port).attachPolicyToRole({ policyName, policyType: "System", roleName: "scn-no-cr" });
    }
    expect((await redeploy(emu, eas(), HZ, "scn-mount")).status).toBe("Running");
    expect((await redeploy(emu, eas(), HZ, "scn-pull")).status).toBe("Running");
    for (const policyName of ["AliyunOSSReadOnlyAccess", "AliyunContainerRegistryReadOnlyAccess"]) {
      await ramGateway(emu.port).detachPolicyFromRole({ policyName, policyType: "System", roleName: "scn-no-cr" });
    }
  });
});

describe("OSS locations outside the mounts", () => {
  it("a model_path the role may not read fails the mount of the model volume; an address only the code reads does not", async () => {
    const model = { processor: "pmml", model_path: "oss://scn-models/churn/model.pmml", containers: undefined };
    const denied = await deploy(emu, eas(), HZ, service("scn-model", model, "scn-no-cr"));
    expect(denied).toMatchObject({ status: "Failed", reason: "FailedMount" });
    expect(denied.message).toContain('volume "model" : mount oss://scn-models/churn/model.pmml failed: AccessDenied');
    expect((await deploy(emu, eas(), HZ, service("scn-model-ok", model))).status).toBe("Running");
    const script = { containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310", script: "python run.py --in oss://scn-raw/2024/", port: 8000 }] };
    expect((await deploy(emu, eas(), HZ, service("scn-code-oss", script, "scn-no-cr"))).status).toBe("Running");
  });
});

describe("instance faults: crash and OOM kill", () => {
  it("a crash fault fails a running service at once, restarts keep counting, later deploys crash too; clearing it fixes it", async () => {
    expect((await deploy(emu, eas(), HZ, service("scn-crash"))).status).toBe("Running");
    const set = await put("/_emulator/faults/instances", { region: HZ, service: "scn-crash", kind: "crash" });
    expect(set.json).toMatchObject({ ok: true, appliedNow: true, instanceFaults: [{ region: HZ, service: "scn-crash", kind: "crash" }] });

    // No redeploy: the running instances die at once.
    const seen = await look(eas(), HZ, "scn-crash");
    expect(seen).toMatchObject({ status: "Failed", reason: "CrashLoopBackOff" });
    expect(seen.message).toMatch(/^Instance scn-crash-[a-z0-9]+-[a-z0-9]+ not healthy: Instance crashed, please inspect instance log\.$/);
    expect(seen.warnings.filter((w) => w.message === "Back-off restarting failed container").length).toBeGreaterThanOrEqual(2);
    expect(seen.warnings.some((w) => w.reason === "Unhealthy" && w.resource.startsWith("scn-crash-"))).toBe(true);
    expect(seen.instances.map((i) => [i.status, i.reason])).toEqual([["CrashLoopBackOff", "Error"], ["CrashLoopBackOff", "Error"]]);
    expect(seen.diagnosis[0].error).toContain("crashed");

    const before = seen.instances[0].restartCount;
    await control(emu.url, "POST", "/_emulator/clock", { advanceSeconds: 600 });
    try {
      const later = (await eas().listServiceInstances(HZ, "scn-crash")).items[0].restartCount;
      expect(later).toBeGreaterThan(before);
      expect(later).toBeGreaterThanOrEqual(5);
    } finally {
      await control(emu.url, "POST", "/_emulator/clock", { reset: true });
    }

    expect((await del("/_emulator/faults/instances", { region: HZ, service: "scn-crash" })).json).toMatchObject({ ok: true, instanceFaults: [] });
    const fixed = await redeploy(emu, eas(), HZ, "scn-crash");
    expect(fixed).toMatchObject({ status: "Running", diagnosis: [] });
    expect(fixed.instances.map((i) => [i.status, i.restartCount])).toEqual([["Running", 0], ["Running", 0]]);
  });

  it("a deploy while the crash fault is set starts the container, then crashes it", async () => {
    await put("/_emulator/faults/instances", { region: HZ, service: "scn-crash-later", kind: "crash" });
    const seen = await deploy(emu, eas(), HZ, service("scn-crash-later"));
    expect(seen.status).toBe("Failed");
    const events = await eas().describeServiceEvents(HZ, "scn-crash-later", { pageSize: 500 });
    const reasons = events.items.filter((e) => e.resource.startsWith("scn-crash-later-")).map((e) => e.reason);
    expect(reasons.slice(0, 4)).toEqual(["Pulled", "Started", "Unhealthy", "BackOff"]);
    await del("/_emulator/faults/instances");
    expect((await control(emu.url, "GET", "/_emulator/faults/instances")).json.instanceFaults).toEqual([]);
  });

  it("an OOM fault kills the instances with OOMKilled, exit code 137; clearing it and raising memory fixes it", async () => {
    await put("/_emulator/faults/instances", { region: HZ, service: "scn-oom", kind: "oom" });
    const seen = await deploy(emu, eas(), HZ, service("scn-oom"));
    expect(seen).toMatchObject({ status: "Failed", reason: "OOMKilled" });
    const oom = seen.warnings.find((w) => w.reason === "OOMKilled");
    expect(oom?.message).toContain("reason: OOMKilled, exit code: 137");
    expect(oom?.message).toContain("memory limit: 4000Mi");
    expect(seen.instances.map((i) => [i.status, i.reason])).toEqual([["CrashLoopBackOff", "OOMKilled"], ["CrashLoopBackOff", "OOMKilled"]]);
    expect((await rawInstances(emu, HZ, "scn-oom"))[0].LastState).toEqual([expect.objectContaining({ reason: "OOMKilled", exitCode: 137 })]);
    expect(seen.diagnosis[0].causes[0]).toContain("4000 MB (metadata.memory)");

    await del("/_emulator/faults/instances", { region: HZ, service: "scn-oom" });
    expect((await redeploy(emu, eas(), HZ, "scn-oom", { metadata: { memory: 8000 } })).status).toBe("Running");
  });
});

describe("insufficient resources: a per-region quota", () => {
  it("a deployment past the quota stays Waiting with Pending instances; a larger quota and an update bring Running", async () => {
    const quota = async () => ((await control(emu.url, "GET", "/_emulator/quota")).json.quotas as Record<string, { gpu: number; used: { gpu: number; cpu: number } }>)[HZ];
    // The demo's image-tagger runs 2 instances with a GPU each in cn-hangzhou.
    expect((await quota()).used.gpu).toBe(2);
    expect((await put("/_emulator/quota", { region: HZ, gpu: 2 })).status).toBe(200);

    const seen = await deploy(emu, eas(), HZ, service("scn-gpu", { metadata: { instance: 1, cpu: 4, memory: 16000, gpu: 1 } }));
    expect(seen).toMatchObject({ status: "Waiting", reason: "FailedScheduling", message: "0/12 nodes are available: 12 Insufficient nvidia.com/gpu." });
    expect(seen.warnings).toEqual([{ reason: "FailedScheduling", message: "0/12 nodes are available: 12 Insufficient nvidia.com/gpu.", resource: expect.stringMatching(/^scn-gpu-/) }]);
    expect(seen.instances).toEqual([{ status: "Pending", reason: "Unschedulable", restartCount: 0 }]);
    expect(seen.diagnosis[0].error).toContain("short of nvidia.com/gpu");
    expect((await eas().describeService(HZ, "scn-gpu")).pendingInstance).toBe(1);

    await put("/_emulator/quota", { region: HZ, cpu: 30, nodes: 8 });
    const both = await redeploy(emu, eas(), HZ, "scn-gpu", { metadata: { instance: 2 } });
    expect(both.message).toBe("0/8 nodes are available: 8 Insufficient cpu, 8 Insufficient nvidia.com/gpu.");

    await put("/_emulator/quota", { region: HZ, cpu: 1000, gpu: 4 });
    expect((await redeploy(emu, eas(), HZ, "scn-gpu")).status).toBe("Running");
    expect((await quota()).used.gpu).toBe(4);
    // A running service redeployed gives back its own share first.
    expect((await redeploy(emu, eas(), HZ, "image-tagger")).status).toBe("Running");
    expect((await del("/_emulator/quota")).json.quotas).toMatchObject({ [HZ]: { gpu: 1000, nodes: 12 } });
  });
});

describe("the platform's control endpoints", () => {
  it("hold a deployment in flight for as long as the deploy delay says, until settled", async () => {
    await put("/_emulator/deploy-delay", { ms: 600_000 });
    await eas().createService(HZ, JSON.stringify(service("scn-held")));
    await new Promise((r) => setTimeout(r, 100));
    expect((await eas().describeService(HZ, "scn-held")).status).toBe("Creating");
    await control(emu.url, "POST", "/_emulator/settle");
    expect((await eas().describeService(HZ, "scn-held")).status).toBe("Running");
    await del("/_emulator/deploy-delay");
  });

  it("refuse unserved regions and bad bodies, and a reset clears every scenario", async () => {
    expect((await put("/_emulator/faults/instances", { region: "cn-beijing", service: "x", kind: "crash" })).json.Code).toBe("InvalidRegionId");
    expect((await put("/_emulator/faults/instances", { region: HZ, service: "x", kind: "segfault" })).status).toBe(400);
    expect((await put("/_emulator/quota", { region: HZ, gpu: -1 })).status).toBe(400);
    expect((await put("/_emulator/registry/missing", { repository: "NoNamespace" })).status).toBe(400);
    expect((await put("/_emulator/deploy-delay", { ms: -1 })).status).toBe(400);

    await put("/_emulator/faults/instances", { region: HZ, service: "x", kind: "crash" });
    await put("/_emulator/quota", { region: SG, gpu: 0 });
    await put("/_emulator/registry/missing", { repository: "a/b" });
    expect((await put("/_emulator/deploy-delay", { ms: 600_000 })).json.deployDelayMs).toBe(600_000);
    await control(emu.url, "POST", "/_emulator/reset", { seed: "demo" });
    expect((await control(emu.url, "GET", "/_emulator/faults/instances")).json.instanceFaults).toEqual([]);
    expect((await control(emu.url, "GET", "/_emulator/registry")).json.missingRepositories).toEqual([]);
    expect(((await control(emu.url, "GET", "/_emulator/quota")).json.quotas as Record<string, { gpu: number }>)[SG].gpu).toBe(1000);
    expect((await control(emu.url, "GET", "/_emulator/deploy-delay")).json.deployDelayMs).toBe(20);
  });
});
