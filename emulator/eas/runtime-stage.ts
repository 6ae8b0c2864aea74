// After render: scheduling against the region's quota, volume mounts, image pulls (DNS, then
// the role's registry access, then the repository), and the container's own run (instance faults).
import { checkNeeds, parseRegistryImage, type ServiceConfig, type ServiceNeed } from "../../lib/service-config";
import type { NamedPolicy } from "../../lib/policy/types";
import { EAS_DIAGNOSES, EAS_EVENTS, type EventDraft } from "./event-messages";
import { instanceName } from "./instances";
import type { DeployTarget, Outcome } from "./outcome";
import type { EasPlatform, InstanceFault } from "./platform";
import { parseImageRef, registryRegion, resolvesFromVpc } from "./registry";
import { instanceCount, perInstance, requestOf, shortfall, type Resources } from "./resources";

/** The first few instances get per-instance events, as a real rollout's first pods do. */
const EVENT_INSTANCES = 3;

export const firstInstances = (t: DeployTarget, config: ServiceConfig) =>
  Array.from({ length: Math.max(1, Math.min(instanceCount(config), EVENT_INSTANCES)) }, (_, i) => instanceName(t.serviceName, t.serviceId, t.version, i));

/** The images a deployment pulls; a processor counts only when it names a Container Registry image. */
export function images(config: ServiceConfig): string[] {
  const out = (config.containers ?? []).flatMap((c) => (c.image ? [c.image] : []));
  if (config.image) out.push(config.image);
  if (config.processor && parseRegistryImage(config.processor)) out.push(config.processor);
  return out;
}

export function scheduleFailure(t: DeployTarget, config: ServiceConfig, used: Resources, platform: EasPlatform): Outcome | undefined {
  const quota = platform.quota(t.region);
  const short = shortfall(requestOf(config), used, quota);
  if (short.length === 0) return undefined;
  const events = firstInstances(t, config).map((name) => EAS_EVENTS.failedScheduling(name, quota.nodes, short));
  return {
    status: "Waiting",
    reason: "FailedScheduling",
    message: events[0].message,
    events,
    instances: { status: "Pending", reason: "Unschedulable", ready: false },
    diagnosis: [EAS_DIAGNOSES.insufficientResources(t.region, instanceCount(config), perInstance(config), short)],
  };
}

export function mountFailure(t: DeployTarget, needs: ServiceNeed[], policies: NamedPolicy[]): Outcome | undefined {
  // What the platform mounts or fetches itself; an oss:// address only the code reads fails later, in the code.
  const mounted = needs.filter((n) => n.checks.length > 0 && n.kind !== "image-pull" && n.kind !== "oss-path");
  const mount = checkNeeds(mounted, policies).find((r) => !r.allowed && r.denied);
  if (!mount?.denied) return undefined;
  const first = instanceName(t.serviceName, t.serviceId, t.version, 0);
  const volume = mount.need.volume ?? "data";
  const denied = EAS_EVENTS.mountDenied(first, volume, mount.need.target, mount.denied.action, mount.denied.resource);
  return {
    status: "Failed",
    reason: "FailedMount",
    message: denied.message,
    events: [denied, EAS_EVENTS.mountTimeout(first, volume)],
    instances: { status: "Pending", reason: "ContainerCreating", ready: false },
    diagnosis: [EAS_DIAGNOSES.mountDenied(mount.need.target, mount.denied.action, mount.denied.resource)],
  };
}

function pullFailure(first: string, image: string, failed: EventDraft, diagnosis: Outcome["diagnosis"][number]): Outcome {
  return {
    status: "Failed",
    reason: "ImagePullBackOff",
    message: failed.message,
    events: [failed, EAS_EVENTS.errImagePull(first), EAS_EVENTS.backOff(first, image), EAS_EVENTS.imagePullBackOff(first)],
    instances: { status: "Pending", reason: "ImagePullBackOff", ready: false },
    diagnosis: [diagnosis],
  };
}

/** Per image, in config order: the host resolves, the role may pull, the registry holds the repository. */
export function imageFailure(t: DeployTarget, config: ServiceConfig, needs: ServiceNeed[], policies: NamedPolicy[], platform: EasPlatform): Outcome | undefined {
  const first = instanceName(t.serviceName, t.serviceId, t.version, 0);
  const pulls = checkNeeds(needs.filter((n) => n.kind === "image-pull"), policies);
  for (const image of images(config)) {
    const ref = parseImageRef(image);
    if (!resolvesFromVpc(ref.host, t.region)) return pullFailure(first, image, EAS_EVENTS.noSuchHost(first, image, ref), EAS_DIAGNOSES.noSuchHost(image, ref.host));
    if (pulls.some((r) => !r.allowed && r.need.target === image)) return pullFailure(first, image, EAS_EVENTS.pullDenied(first, image), EAS_DIAGNOSES.pullDenied(image));
    const acr = parseRegistryImage(image);
    if (acr && !acr.paiPublic && platform.isMissing(registryRegion(ref.host), ref.repository)) {
      return pullFailure(first, image, EAS_EVENTS.repositoryNotFound(first, image, ref.reference), EAS_DIAGNOSES.repositoryNotFound(image, ref.repository, ref.host));
    }
  }
  return undefined;
}

/**
 * The container starts, then dies: a crash or an OOM kill, restarted with back-off. `pulled`
 * says whether the pull and start belong to this outcome (a fresh deployment) or happened
 * before (a fault set on a service already running).
 */
export function runFailure(t: DeployTarget, config: ServiceConfig, fault: InstanceFault, pulled: boolean): Outcome {
  const image = images(config)[0];
  const memory = perInstance(config).memory || undefined;
  const names = firstInstances(t, config);
  const events = names.flatMap((name) => [
    ...(pulled && image ? [EAS_EVENTS.pulled(name, image)] : []),
    ...(pulled ? [EAS_EVENTS.started(name)] : []),
    fault.kind === "oom" ? EAS_EVENTS.oomKilled(name, memory) : EAS_EVENTS.crashed(name),
    EAS_EVENTS.backOffRestart(name),
  ]);
  const oom = fault.kind === "oom";
  return {
    status: "Failed",
    reason: oom ? "OOMKilled" : "CrashLoopBackOff",
    message: (events.find((e) => e.type === "Warning") ?? events[0]).message,
    events,
    instances: { status: "CrashLoopBackOff", reason: oom ? "OOMKilled" : "Error", ready: false, crash: { exitCode: oom ? 137 : 1 } },
    diagnosis: [oom ? EAS_DIAGNOSES.oomKilled(names[0], memory) : EAS_DIAGNOSES.crashed(names[0])],
  };
}
