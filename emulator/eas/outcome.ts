// How a simulated deployment ends, decided from the live RAM state and the platform at the
// moment it ends: the first row of the platform's rule table that fails (render, scheduling,
// mounts, image pulls), else the container's own run (instance faults), else Running.
import type { RamView } from "../core/contract";
import { readPlatformConfig, type PlatformConfig } from "./config";
import { EAS_DIAGNOSES, EAS_EVENTS, SERVICE_MESSAGES, type DiagnosisDraft, type EventDraft } from "./event-messages";
import type { EasPlatform } from "./platform";
import { firstFailure, type DeployContext, type DeployTarget, type RuleFailure } from "./platform-rules";
import { parseImageRef } from "./registry";
import type { Resources } from "./resources";
import { firstInstances, imagePullFailure, mountFailure, runFailure, scheduleFailure } from "./runtime-stage";

export type { DeployTarget } from "./platform-rules";

export interface InstanceState {
  status: string;
  reason: string;
  ready: boolean;
  /** The container started and exited: with this code, restarted with back-off. */
  crash?: { exitCode: number };
}

export interface Outcome {
  /** Waiting: no room in the region's pool; the instances stay Pending. */
  status: "Running" | "Failed" | "Waiting";
  reason: string;
  message: string;
  events: EventDraft[];
  instances: InstanceState;
  diagnosis: DiagnosisDraft[];
}

export interface DeployEnv {
  ram: RamView;
  platform: EasPlatform;
  /** What the region's other running services hold. */
  used: Resources;
}

const NOT_STARTED = { status: "Pending", reason: "", ready: false };

function renderFailure(event: EventDraft, diagnosis: DiagnosisDraft): Outcome {
  return { status: "Failed", reason: event.reason, message: event.message, events: [event], instances: NOT_STARTED, diagnosis: [diagnosis] };
}

function success(t: DeployTarget, config: PlatformConfig): Outcome {
  const n = config.instances;
  const image = config.images[0];
  const perInstance = firstInstances(t, config).flatMap((name) => [...(image ? [EAS_EVENTS.pulled(name, image)] : []), EAS_EVENTS.started(name)]);
  return {
    status: "Running",
    reason: "",
    message: SERVICE_MESSAGES.running,
    events: [EAS_EVENTS.scaling(t.version, n), ...(n > 0 ? perInstance : []), EAS_EVENTS.scaleComplete(t.version, n)],
    instances: { status: "Running", reason: "", ready: true },
    diagnosis: [],
  };
}

function failureOutcome(ctx: DeployContext, f: RuleFailure): Outcome {
  switch (f.stage) {
    case "render":
      return renderFailure(f.event, f.diagnosis);
    case "schedule":
      return scheduleFailure(ctx, f.short);
    case "mount":
      return mountFailure(ctx.t, f);
    case "pull":
      return imagePullFailure(ctx.t, f.image, f.problem, parseImageRef(f.image));
  }
}

export function decideOutcome(t: DeployTarget, env: DeployEnv): Outcome {
  const read = readPlatformConfig(t.serviceConfig);
  if (!read.ok) return renderFailure(EAS_EVENTS.configInvalid(read.error), EAS_DIAGNOSES.configInvalid(read.error));
  const ctx: DeployContext = { t, config: read.config, ram: env.ram, platform: env.platform, used: env.used };
  const failed = firstFailure(ctx);
  if (failed) return failureOutcome(ctx, failed.failure);
  const fault = env.platform.instanceFault(t.region, t.serviceName);
  return fault && read.config.instances > 0 ? runFailure(t, read.config, fault, true) : success(t, read.config);
}
