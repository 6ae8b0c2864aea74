// How a simulated deployment ends, decided from the live RAM state at the moment it ends.
// First failure wins, in the order the real platform meets them: role, PassRole, trust,
// workspace, mounts, image pulls.
import { parseArn } from "../../lib/policy/arn";
import { parsePolicy } from "../../lib/policy/parse";
import { canAssume } from "../../lib/policy/trust";
import type { NamedPolicy } from "../../lib/policy/types";
import {
  analyseServiceConfig,
  checkNeeds,
  PAI_DEFAULT_ROLE,
  parseServiceConfig,
  type ServiceConfig,
  type ServiceNeed,
} from "../../lib/service-config";
import { EAS_SERVICE_PRINCIPAL, type Caller, type RamView, type RoleView } from "../core/contract";
import { EAS_DIAGNOSES, EAS_EVENTS, type DiagnosisDraft, type EventDraft } from "./event-messages";
import { instanceName } from "./instances";

export interface Outcome {
  status: "Running" | "Failed";
  reason: string;
  message: string;
  events: EventDraft[];
  instances: { status: string; reason: string; ready: boolean };
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

const NOT_STARTED = { status: "Pending", reason: "", ready: false };

function renderFailure(event: EventDraft, diagnosis: DiagnosisDraft): Outcome {
  return { status: "Failed", reason: event.reason, message: event.message, events: [event], instances: NOT_STARTED, diagnosis: [diagnosis] };
}

function userLabel(c: Caller): string {
  if (c.kind === "user") return `${c.userName} (${c.userId})`;
  if (c.kind === "assumed-role") return `${c.roleName}/${c.sessionName}`;
  return c.accountId;
}

export function instanceCount(config: ServiceConfig): number {
  const n = config.metadata?.instance;
  return typeof n === "number" && n >= 0 ? n : 1;
}

export function mainImage(config: ServiceConfig): string | undefined {
  return config.containers?.find((c) => c.image)?.image ?? config.image;
}

function assumable(role: RoleView): boolean {
  const trust = parsePolicy(role.assumeRolePolicyDocument, { kind: "trust" });
  return trust.ok && canAssume(trust.policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision === "Allow";
}

function findRole(ram: RamView, arn: string, roleName: string | undefined): RoleView | undefined {
  const account = parseArn(arn)?.account;
  if (!roleName || (account !== ram.accountId && account !== "")) return undefined;
  return ram.getRole(roleName);
}

/** The role's checks: OSS/NAS mounts first, then image pulls. */
function resourceFailure(t: DeployTarget, needs: ServiceNeed[], policies: NamedPolicy[]): Outcome | undefined {
  const first = instanceName(t.serviceName, t.serviceId, t.version, 0);
  const results = checkNeeds(needs.filter((n) => n.checks.length > 0), policies);
  const mount = results.find((r) => !r.allowed && r.need.kind !== "image-pull");
  if (mount?.denied) {
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
  const pull = results.find((r) => !r.allowed && r.need.kind === "image-pull");
  if (pull) {
    const image = pull.need.target;
    const denied = EAS_EVENTS.pullDenied(first, image);
    return {
      status: "Failed",
      reason: "ImagePullBackOff",
      message: denied.message,
      events: [denied, EAS_EVENTS.errImagePull(first), EAS_EVENTS.backOff(first, image), EAS_EVENTS.imagePullBackOff(first)],
      instances: { status: "Pending", reason: "ImagePullBackOff", ready: false },
      diagnosis: [EAS_DIAGNOSES.pullDenied(image)],
    };
  }
  return undefined;
}

function success(t: DeployTarget, config: ServiceConfig): Outcome {
  const n = instanceCount(config);
  const image = mainImage(config);
  const perInstance = Array.from({ length: Math.min(n, 3) }, (_, i) => instanceName(t.serviceName, t.serviceId, t.version, i)).flatMap((name) => [
    ...(image ? [EAS_EVENTS.pulled(name, image)] : []),
    EAS_EVENTS.started(name),
  ]);
  return {
    status: "Running",
    reason: "",
    message: "Service is now running",
    events: [EAS_EVENTS.scaling(t.version, n), ...perInstance, EAS_EVENTS.scaleComplete(t.version, n)],
    instances: { status: "Running", reason: "", ready: true },
    diagnosis: [],
  };
}

export function decideOutcome(t: DeployTarget, ram: RamView): Outcome {
  const parsed = parseServiceConfig(t.serviceConfig);
  if (!parsed.ok) return renderFailure({ type: "Warning", reason: "RenderFailed", message: `unable to render, error: ${parsed.error}`, resource: "Service" }, { error: parsed.error, causes: [], advices: [] });
  const config = parsed.config;
  const a = analyseServiceConfig(config, ram.accountId, { region: t.region });
  let policies: NamedPolicy[] = [];
  if (a.roleMode === "custom") {
    const arn = a.roleArn ?? "";
    const role = findRole(ram, arn, a.roleName);
    if (!role) return renderFailure(EAS_EVENTS.roleNotExist(arn), EAS_DIAGNOSES.roleNotExist(arn));
    if (t.deployer.kind !== "root") {
      const pass = ram.authorize(t.deployer, "ram:PassRole", role.arn, { "acs:Service": EAS_SERVICE_PRINCIPAL });
      const who = userLabel(t.deployer);
      if (pass.decision !== "Allow") return renderFailure(EAS_EVENTS.passRoleDenied(who, role.arn), EAS_DIAGNOSES.passRoleDenied(who, role.arn));
    }
    if (!assumable(role)) return renderFailure(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.assumeRoleDenied(role.arn));
    policies = ram.policiesForRole(role.roleName);
  } else if (a.roleMode === "default") {
    const role = ram.getRole(PAI_DEFAULT_ROLE);
    if (!role) return renderFailure(EAS_EVENTS.serviceRoleNotExist(PAI_DEFAULT_ROLE), EAS_DIAGNOSES.serviceRoleNotExist(PAI_DEFAULT_ROLE));
    if (!assumable(role)) return renderFailure(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.assumeRoleDenied(role.arn));
    if (a.needs.some((n) => n.kind === "workspace-id" && !n.satisfied)) {
      return renderFailure(EAS_EVENTS.workspaceIdMissing(), EAS_DIAGNOSES.workspaceIdMissing());
    }
    policies = ram.policiesForRole(role.roleName);
  } else {
    // A service without a role is mounted and pulled for by the platform's own service-linked role.
    policies = ram.policiesForRole(PAI_DEFAULT_ROLE);
  }
  return resourceFailure(t, a.needs, policies) ?? success(t, config);
}
