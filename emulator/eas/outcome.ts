// How a simulated deployment ends, decided from the live RAM state and the platform at the
// moment it ends. First failure wins, in the order the real platform meets them: render (role,
// PassRole, trust, service-linked role, workspace), scheduling, mounts, image pulls, the run.
import { analyseServiceConfig, parseServiceConfig, type ServiceConfig } from "../../lib/service-config";
import type { Caller, RamView } from "../core/contract";
import { EAS_DIAGNOSES, EAS_EVENTS, SERVICE_MESSAGES, type DiagnosisDraft, type EventDraft } from "./event-messages";
import type { EasPlatform } from "./platform";
import { instanceCount, type Resources } from "./resources";
import { roleStage } from "./role-stage";
import { firstInstances, imageFailure, images, mountFailure, runFailure, scheduleFailure } from "./runtime-stage";

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

export interface DeployTarget {
  serviceName: string;
  serviceId: string;
  region: string;
  serviceConfig: string;
  deployer: Caller;
  version: number;
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

export function mainImage(config: ServiceConfig): string | undefined {
  return config.containers?.find((c) => c.image)?.image ?? config.image;
}

function success(t: DeployTarget, config: ServiceConfig): Outcome {
  const n = instanceCount(config);
  const image = images(config)[0];
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

export function decideOutcome(t: DeployTarget, env: DeployEnv): Outcome {
  const parsed = parseServiceConfig(t.serviceConfig);
  if (!parsed.ok) return renderFailure(EAS_EVENTS.configInvalid(parsed.error), EAS_DIAGNOSES.configInvalid(parsed.error));
  const config = parsed.config;
  const a = analyseServiceConfig(config, env.ram.accountId, { region: t.region });
  const role = roleStage(a, t.deployer, env.ram, env.platform.genericRoleErrors);
  if (!role.ok) return renderFailure(role.failure.event, role.failure.diagnosis);
  const fault = env.platform.instanceFault(t.region, t.serviceName);
  return (
    scheduleFailure(t, config, env.used, env.platform) ??
    mountFailure(t, a.needs, role.policies) ??
    imageFailure(t, config, a.needs, role.policies, env.platform) ??
    (fault && instanceCount(config) > 0 ? runFailure(t, config, fault, true) : undefined) ??
    success(t, config)
  );
}
