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

/** A number per distinct text, stable across runs: the same failure always reads the same code. */
function codeOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return 1000 + (h % 9000);
}

/**
 * The failure with every word replaced: Reason `E<code>`, Message `EAS-E<code> #<n>`, diagnosis
 * entries likewise. Statuses, instance states, exit codes and restarts are state and stay.
 */
export function opaqueOutcome(o: Outcome): Outcome {
  let n = 0;
  const word = (text: string) => (text ? `EAS-E${codeOf(text)} #${++n}` : text);
  const events = o.events.map((e) => (e.type === "Warning" ? { ...e, reason: `E${codeOf(e.reason)}`, message: word(e.message) } : e));
  return {
    ...o,
    reason: o.reason ? `E${codeOf(o.reason)}` : o.reason,
    message: word(o.message),
    events,
    diagnosis: o.diagnosis.map((d) => ({ error: word(d.error), causes: d.causes.map(word), advices: d.advices.map(word) })),
  };
}
