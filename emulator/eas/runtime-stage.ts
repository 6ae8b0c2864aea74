// The events, instance states and diagnoses of the failures after render: scheduling against the
// region's quota, volume mounts, image pulls, and the container's own run (instance faults).
import { EAS_DIAGNOSES, EAS_EVENTS, type EventDraft, type ResourceKind } from "./event-messages";
import { instanceName } from "./instances";
import type { Outcome } from "./outcome";
import type { InstanceFault } from "./platform";
import type { PlatformConfig } from "./config";
import type { DeployContext, DeployTarget } from "./platform-rules";
import type { ImageRef } from "./registry";

/** The first few instances get per-instance events, as a real rollout's first pods do. */
const EVENT_INSTANCES = 3;

export const firstInstances = (t: DeployTarget, config: PlatformConfig) =>
  Array.from({ length: Math.max(1, Math.min(config.instances, EVENT_INSTANCES)) }, (_, i) => instanceName(t.serviceName, t.serviceId, t.version, i));

const perInstance = (c: PlatformConfig) => ({ cpu: c.cpu, memory: c.memory, gpu: c.gpu });

export function scheduleFailure(ctx: DeployContext, short: ResourceKind[]): Outcome {
  const quota = ctx.platform.quota(ctx.t.region);
  const events = firstInstances(ctx.t, ctx.config).map((name) => EAS_EVENTS.failedScheduling(name, quota.nodes, short));
  return {
    status: "Waiting",
    reason: "FailedScheduling",
    message: events[0].message,
    events,
    instances: { status: "Pending", reason: "Unschedulable", ready: false },
    diagnosis: [EAS_DIAGNOSES.insufficientResources(ctx.t.region, ctx.config.instances, perInstance(ctx.config), short)],
  };
}

export function mountFailure(t: DeployTarget, m: { volume: string; source: string; action: string; resource: string }): Outcome {
  const first = instanceName(t.serviceName, t.serviceId, t.version, 0);
  const denied = EAS_EVENTS.mountDenied(first, m.volume, m.source, m.action, m.resource);
  return {
    status: "Failed",
    reason: "FailedMount",
    message: denied.message,
    events: [denied, EAS_EVENTS.mountTimeout(first, m.volume)],
    instances: { status: "Pending", reason: "ContainerCreating", ready: false },
    diagnosis: [EAS_DIAGNOSES.mountDenied(m.source, m.action, m.resource)],
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

export function imagePullFailure(t: DeployTarget, image: string, problem: "no-such-host" | "denied" | "not-found", ref: ImageRef): Outcome {
  const first = instanceName(t.serviceName, t.serviceId, t.version, 0);
  if (problem === "no-such-host") return pullFailure(first, image, EAS_EVENTS.noSuchHost(first, image, ref), EAS_DIAGNOSES.noSuchHost(image, ref.host));
  if (problem === "denied") return pullFailure(first, image, EAS_EVENTS.pullDenied(first, image), EAS_DIAGNOSES.pullDenied(image));
  return pullFailure(first, image, EAS_EVENTS.repositoryNotFound(first, image, ref.reference), EAS_DIAGNOSES.repositoryNotFound(image, ref.repository, ref.host));
}

/**
 * The container starts, then dies: a crash or an OOM kill, restarted with back-off. `pulled`
 * says whether the pull and start belong to this outcome (a fresh deployment) or happened
 * before (a fault set on a service already running).
 */
export function runFailure(t: DeployTarget, config: PlatformConfig, fault: InstanceFault, pulled: boolean): Outcome {
  const image = config.images[0];
  const memory = config.memory || undefined;
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
