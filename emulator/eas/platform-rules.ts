// What the emulated EAS checks when it deploys a service, one row per check, in the order the
// platform meets them; the first that fails ends the deployment. Each row cites the sentence of
// the documentation it comes from: the EAS RAM-role guide and its FAQ (the seed,
// /work/shared/seed/), and the deployment-events reference (/work/shared/reference/eas-events.md).
// Nothing here is shared with the console's readiness rules: the emulator is the witness.
import { parseArn, roleNameFromArn } from "../../lib/policy/arn";
import { parsePolicy } from "../../lib/policy/parse";
import { canAssume } from "../../lib/policy/trust";
import type { NamedPolicy } from "../../lib/policy/types";
import { EAS_SERVICE_PRINCIPAL, type Caller, type RamView, type RoleView } from "../core/contract";
import { firstDenied, mountChecks, pullChecks } from "./access";
import type { PlatformConfig } from "./config";
import { EAS_DIAGNOSES, EAS_EVENTS, type DiagnosisDraft, type EventDraft } from "./event-messages";
import type { EasPlatform } from "./platform";
import { acrRepository, parseImageRef, registryRegion, resolvesFromVpc } from "./registry";
import type { Resources } from "./resources";

/** The PAI default role of Method 1: the service-linked role of eas.pai.aliyuncs.com. */
const PAI_DEFAULT_ROLE = "AliyunServiceRoleForPaiEas";

type Stage = "render" | "schedule" | "mount" | "pull";

export interface DeployTarget {
  serviceName: string;
  serviceId: string;
  region: string;
  serviceConfig: string;
  deployer: Caller;
  version: number;
}

export interface DeployContext {
  t: DeployTarget;
  config: PlatformConfig;
  ram: RamView;
  platform: EasPlatform;
  /** What the region's other running services hold. */
  used: Resources;
}

/** What a failed row reports: the event and diagnosis, plus what a mount or pull failure needs to say more. */
export type RuleFailure =
  | { stage: "render"; event: EventDraft; diagnosis: DiagnosisDraft }
  | { stage: "schedule"; short: ("cpu" | "memory" | "gpu")[] }
  | { stage: "mount"; volume: string; source: string; action: string; resource: string }
  | { stage: "pull"; image: string; problem: "no-such-host" | "denied" | "not-found" };

export interface PlatformRule {
  id: string;
  stage: Stage;
  /** The documentation sentence the row comes from, and where. */
  cite: { source: string; text: string };
  check(ctx: DeployContext): RuleFailure | undefined;
}

const SEED = "EAS guide: Configure a RAM role for EAS (seed)";
const EVENTS = "reference/eas-events.md";

/** How the config names its role: Method 2 (a custom role), Method 1 (the PAI default role), or none. */
function roleMethod(c: PlatformConfig): "custom" | "default" | "none" {
  if (c.roleArn) return "custom";
  return c.ramRole ? "default" : "none";
}

function customRole(ctx: DeployContext): RoleView | undefined {
  const arn = ctx.config.roleArn ?? "";
  const name = roleNameFromArn(arn);
  const account = parseArn(arn)?.account;
  if (!name || (account !== ctx.ram.accountId && account !== "")) return undefined;
  return ctx.ram.getRole(name);
}

function admitsEas(role: RoleView): boolean {
  const trust = parsePolicy(role.assumeRolePolicyDocument, { kind: "trust" });
  return trust.ok && canAssume(trust.policy, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision === "Allow";
}

function callerLabel(c: Caller): string {
  if (c.kind === "user") return `${c.userName} (${c.userId})`;
  if (c.kind === "assumed-role") return `${c.roleName}/${c.sessionName}`;
  return c.accountId;
}

const render = (event: EventDraft, diagnosis: DiagnosisDraft): RuleFailure => ({ stage: "render", event, diagnosis });
/** Under --generic-role-errors the three custom-role failures speak the FAQ's one message. */
const roleFailure = (ctx: DeployContext, event: EventDraft, diagnosis: DiagnosisDraft): RuleFailure =>
  ctx.platform.genericRoleErrors ? render(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.genericRoleDenied()) : render(event, diagnosis);

/** The role whose permissions the platform mounts and pulls with; none when the render rows failed first. */
function deployPolicies(ctx: DeployContext): NamedPolicy[] {
  const method = roleMethod(ctx.config);
  if (method === "custom") {
    const role = customRole(ctx);
    return role ? ctx.ram.policiesForRole(role.roleName) : [];
  }
  return ctx.ram.policiesForRole(PAI_DEFAULT_ROLE);
}

export const PLATFORM_RULES: readonly PlatformRule[] = [
  {
    id: "role-exists",
    stage: "render",
    cite: { source: `${SEED}, FAQ`, text: "Log on to the RAM console and check if the role exists. If the role does not exist, modify the instance custom RAM role to an existing role." },
    check: (ctx) => {
      if (roleMethod(ctx.config) !== "custom" || customRole(ctx)) return undefined;
      const arn = ctx.config.roleArn ?? "";
      return roleFailure(ctx, EAS_EVENTS.roleNotExist(arn), EAS_DIAGNOSES.roleNotExist(arn));
    },
  },
  {
    id: "pass-role",
    stage: "render",
    cite: {
      source: `${SEED}, Method 2`,
      text: "If you use a Resource Access Management (RAM) user (Alibaba Cloud sub-account) to deploy EAS services, contact the Alibaba Cloud account (primary account) to grant you the following trust policy to obtain the permission to pass the RAM role to the EAS instance.",
    },
    // The guide names RAM users; the account itself passes any of its roles.
    check: (ctx) => {
      const role = roleMethod(ctx.config) === "custom" ? customRole(ctx) : undefined;
      const d = ctx.t.deployer;
      if (!role || d.kind !== "user") return undefined;
      if (ctx.ram.authorize(d, "ram:PassRole", role.arn, { "acs:Service": EAS_SERVICE_PRINCIPAL }).decision === "Allow") return undefined;
      return roleFailure(ctx, EAS_EVENTS.passRoleDenied(callerLabel(d), role.arn), EAS_DIAGNOSES.passRoleDenied(callerLabel(d), role.arn));
    },
  },
  {
    id: "trust-admits-eas",
    stage: "render",
    cite: {
      source: `${SEED}, FAQ`,
      text: "In most cases, this error occurs because no trust policy is configured for the RAM role. [...] On the Trust Policy tab, click Edit Trust Policy to add trust for \"eas.pai.aliyuncs.com\".",
    },
    check: (ctx) => {
      const role = roleMethod(ctx.config) === "custom" ? customRole(ctx) : undefined;
      if (!role || admitsEas(role)) return undefined;
      return roleFailure(ctx, EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.assumeRoleDenied(role.arn));
    },
  },
  {
    id: "service-linked-role",
    stage: "render",
    cite: {
      source: `${SEED}, Method 1; ${EVENTS}, role: STS`,
      text: "The PAI default role operates based on the service role AliyunServiceRoleForPaiEas [...] `ServiceRoleNotFound` [...] service-linked role missing → create it",
    },
    check: (ctx) => {
      if (roleMethod(ctx.config) !== "default") return undefined;
      const role = ctx.ram.getRole(PAI_DEFAULT_ROLE);
      if (!role) return render(EAS_EVENTS.serviceRoleNotExist(PAI_DEFAULT_ROLE), EAS_DIAGNOSES.serviceRoleNotExist(PAI_DEFAULT_ROLE));
      return admitsEas(role) ? undefined : render(EAS_EVENTS.assumeRoleDenied(), EAS_DIAGNOSES.assumeRoleDenied(role.arn));
    },
  },
  {
    id: "workspace-for-oss",
    stage: "render",
    cite: {
      source: `${SEED}, Method 1`,
      text: "If you use JSON for direct deployment and want to call the OSS SDK through the PAI default role, you need to ensure that the service configuration includes the metadata.workspace_id field.",
    },
    check: (ctx) =>
      roleMethod(ctx.config) === "default" && ctx.config.namesOss && !ctx.config.workspaceId ? render(EAS_EVENTS.workspaceIdMissing(), EAS_DIAGNOSES.workspaceIdMissing()) : undefined,
  },
  {
    id: "schedule",
    stage: "schedule",
    cite: { source: `${EVENTS}, scheduling`, text: "instances `Pending`, service `Waiting`; `Insufficient nvidia.com/gpu` | no node has the resources" },
    check: (ctx) => {
      const quota = ctx.platform.quota(ctx.t.region);
      const c = ctx.config;
      const want = { cpu: c.cpu * c.instances, memory: c.memory * c.instances, gpu: c.gpu * c.instances };
      // A dedicated resource group has its own machines: the region's public pool does not bound it.
      if (c.resource) return undefined;
      const short = (["cpu", "memory", "gpu"] as const).filter((k) => want[k] > 0 && ctx.used[k] + want[k] > quota[k]);
      return short.length > 0 ? { stage: "schedule", short } : undefined;
    },
  },
  {
    id: "mount-with-role",
    stage: "mount",
    cite: {
      source: `${SEED}, Method 2`,
      text: "If you mount data sources or use custom images when deploying services, the system will access the data sources and pull images based on the RAM role's permissions.",
    },
    check: (ctx) => {
      const policies = deployPolicies(ctx);
      for (const m of ctx.config.mounts) {
        const denied = firstDenied(mountChecks(m, ctx.t.region, ctx.ram.accountId), policies);
        if (denied) return { stage: "mount", volume: m.volume, source: m.source, action: denied.action, resource: denied.resource };
      }
      return undefined;
    },
  },
  {
    id: "image-host-resolves",
    stage: "pull",
    cite: { source: `${EVENTS}, image pull`, text: "`no such host`; `dial tcp … i/o timeout` | registry not reachable from the VPC / no public access" },
    check: (ctx) => {
      const image = ctx.config.images.find((i) => !resolvesFromVpc(parseImageRef(i).host, ctx.t.region));
      return image ? { stage: "pull", image, problem: "no-such-host" } : undefined;
    },
  },
  {
    id: "image-pull-with-role",
    stage: "pull",
    cite: {
      source: `${SEED}, Method 2`,
      text: "Therefore, you need to grant the RAM role permissions to access data sources (NAS or OSS) and Container Registry.",
    },
    check: (ctx) => {
      if (ctx.config.registryAuth) return undefined;
      const policies = deployPolicies(ctx);
      const image = ctx.config.images.find((i) => firstDenied(pullChecks(i, ctx.t.region, ctx.ram.accountId), policies));
      return image ? { stage: "pull", image, problem: "denied" } : undefined;
    },
  },
  {
    id: "repository-exists",
    stage: "pull",
    // The registry's own "not found" comes after the role's read: a pull the role may not make
    // never learns whether the repository exists.
    cite: { source: `${EVENTS}, image pull`, text: "`ImagePullBackOff` with `401 Unauthorized` / `authorization failed` / `pull access denied`" },
    check: (ctx) => {
      const image = ctx.config.images.find((i) => {
        const ref = parseImageRef(i);
        const acr = acrRepository(ref);
        return acr && !acr.paiPublic && ctx.platform.isMissing(registryRegion(ref.host), ref.repository);
      });
      return image ? { stage: "pull", image, problem: "not-found" } : undefined;
    },
  },
];

/** The first row that fails, in the platform's order. */
export function firstFailure(ctx: DeployContext): { rule: PlatformRule; failure: RuleFailure } | undefined {
  for (const rule of PLATFORM_RULES) {
    const failure = rule.check(ctx);
    if (failure) return { rule, failure };
  }
  return undefined;
}
