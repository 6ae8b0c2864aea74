import { parseRegistryImage } from "../service-config/image-ref";
import type { Finding } from "../readiness/finding";
import type { DeployEvent, DiagnosisFacts, InstanceState } from "./types";

// Causes only the event tells: no fact in RAM holds a crash, an OOM kill, a full region or a
// missing image, so the evidence is what EAS said, read closely, next to the service's settings.

const namedIn = (e: DeployEvent) => [...e.message.matchAll(/Instance (\S+) not healthy/g)].map((m) => m[1]);
/** The instances that died, from ListServiceInstances when it was read, else from the event's words. */
const instanceNames = (e: DeployEvent, instances?: InstanceState[]) => {
  const dead = (instances ?? []).filter(isCrashed).map((i) => i.name);
  return dead.length > 0 ? dead : namedIn(e);
};

/** An instance that started and exited: it has an exit code, or restarts, or crash-loops. */
export const isCrashed = (i: InstanceState) => i.exitCode !== undefined || i.restartCount > 0 || i.status === "CrashLoopBackOff";
/** Killed for memory: exit code 137 (SIGKILL), or the kubelet's reason. */
export const isOomKilled = (i: InstanceState) => i.exitCode === 137 || i.reason === "OOMKilled";
const num = (v: unknown) => (typeof v === "number" && v > 0 ? v : 0);

export function insufficientResources(e: DeployEvent, f: DiagnosisFacts): Finding {
  const m = f.config?.metadata ?? {};
  const said = [...new Set([...e.message.matchAll(/Insufficient ([\w./-]*[\w])/g)].map((x) => x[1]))];
  // Without the scheduler's words, what the service asks for is all that can be named.
  const asked = [["cpu", m.cpu], ["memory", m.memory], ["nvidia.com/gpu", m.gpu]].filter(([, v]) => num(v) > 0).map(([k]) => String(k));
  const short = said.length > 0 ? said : asked;
  const nodes = /(\d+)\/(\d+) nodes are available/.exec(e.message);
  const instances = typeof m.instance === "number" ? m.instance : 1;
  return {
    values: { region: f.region, resources: short.join(", "), instances },
    subject: f.region,
    detail: short,
    evidence: [{ kind: "resources", region: f.region, instances, perInstance: { cpu: num(m.cpu), memory: num(m.memory), gpu: num(m.gpu) }, short, ...(nodes ? { nodes: Number(nodes[2]) } : {}) }],
    fixes: [],
    advice: [{ id: "resource-settings", fields: ["metadata.instance", "metadata.cpu", "metadata.memory", "metadata.gpu", "metadata.resource"] }],
  };
}

/** The pull itself failed before any permission mattered (no such host), or after (no such repository). */
export function imageNotFound(e: DeployEvent, f: DiagnosisFacts): Finding {
  const image = /Failed to pull image "([^"]+)"/.exec(e.message)?.[1] ?? "";
  const host = /lookup ([^\s:]+)(?::\d+)?: no such host/.exec(e.message)?.[1];
  const problem = host || /no such host/.test(e.message) ? "no-such-host" : "not-found";
  const reg = parseRegistryImage(image);
  const repository = reg ? `${reg.namespace}/${reg.repository}` : undefined;
  return {
    values: { image, host: host ?? "", repository: repository ?? "", problem: problem === "no-such-host" ? "host" : "repository" },
    subject: image,
    detail: [image],
    evidence: [{ kind: "image", image, problem, ...(host ? { host } : {}), ...(repository ? { repository } : {}) }],
    fixes: [],
    advice: [{ id: "image-address", image, region: f.region }],
  };
}

export function oomKilled(e: DeployEvent, f: DiagnosisFacts, instances?: InstanceState[]): Finding {
  const limit = /memory limit: (\d+)Mi/.exec(e.message);
  const memoryLimitMb = limit ? Number(limit[1]) : undefined;
  const configured = num(f.config?.metadata?.memory) || undefined;
  return {
    values: { memory: memoryLimitMb ?? configured ?? 0 },
    detail: instanceNames(e, instances),
    evidence: [{ kind: "instances", names: instanceNames(e, instances), exitCode: 137, ...(memoryLimitMb ? { memoryLimitMb } : {}) }],
    fixes: [],
    advice: [{ id: "memory-settings", field: "metadata.memory", ...(configured ? { memoryMb: configured } : {}) }, { id: "instance-log", instances: instanceNames(e, instances) }],
  };
}

export function instanceCrash(e: DeployEvent, _f: DiagnosisFacts, instances?: InstanceState[]): Finding {
  const names = instanceNames(e, instances);
  const exitCode = (instances ?? []).find((i) => i.exitCode !== undefined)?.exitCode;
  return {
    values: { instance: names[0] ?? "" },
    detail: names,
    evidence: [{ kind: "instances", names, ...(exitCode !== undefined ? { exitCode } : {}) }],
    fixes: [],
    advice: [{ id: "instance-log", instances: names }],
  };
}
