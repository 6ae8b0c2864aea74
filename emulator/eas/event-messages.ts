// Every deployment event and diagnosis text the emulated EAS writes, in one table, so the
// console's diagnosis rules are tested against the very strings the emulator emits.

export type EventType = "Normal" | "Warning";

export interface EventDraft {
  type: EventType;
  reason: string;
  message: string;
  /** `Service`, or the instance the event is about. */
  resource: string;
}

export interface DiagnosisDraft {
  error: string;
  causes: string[];
  advices: string[];
}

export const NOT_AUTHORIZED_BY_RAM = "You are not authorized to do this action. You should be authorized by RAM.";

/** The real service's words when the role's trust policy does not let EAS assume it (seed FAQ). */
export const ASSUME_ROLE_DENIED_MESSAGE = `unable to render, error: failed to assume role for user, reason: ${NOT_AUTHORIZED_BY_RAM}`;

const service = (type: EventType, reason: string, message: string): EventDraft => ({ type, reason, message, resource: "Service" });
const stage = (versionId: number, message: string, available: number, unavailable: number) =>
  JSON.stringify({ versionId, message, availableInstance: available, unavailableInstance: unavailable });

export const EAS_EVENTS = {
  deployRequested: (versionId: number, action: "create" | "update" | "start") =>
    service("Normal", action === "start" ? "StartService" : action === "update" ? "UpdateService" : "CreateService", stage(versionId, "Start to deploy", 0, 0)),
  stopped: (versionId: number) => service("Normal", "StopService", stage(versionId, "Service stopped", 0, 0)),

  roleNotExist: (arn: string) =>
    service("Warning", "RenderFailed", `unable to render, error: failed to get role ${arn}, reason: EntityNotExist.Role: The specified Role not exists.`),
  serviceRoleNotExist: (roleName: string) =>
    service("Warning", "RenderFailed", `unable to render, error: ServiceRoleNotFound: the service-linked role ${roleName} does not exist in this account.`),
  passRoleDenied: (userLabel: string, arn: string) =>
    service("Warning", "RenderFailed", `unable to render, error: user ${userLabel} failed to pass role ${arn} to eas.pai.aliyuncs.com, reason: ${NOT_AUTHORIZED_BY_RAM}`),
  assumeRoleDenied: () => service("Warning", "RenderFailed", ASSUME_ROLE_DENIED_MESSAGE),
  workspaceIdMissing: () =>
    service(
      "Warning",
      "RenderFailed",
      "unable to render, error: metadata.workspace_id is required to access OSS through the PAI default role (options.enable_ram_role), please set metadata.workspace_id in the service config.",
    ),

  mountDenied: (instance: string, volume: string, target: string, action: string, resource: string) => ({
    type: "Warning" as const,
    reason: "FailedMount",
    message: `MountVolume.SetUp failed for volume "${volume}" : mount ${target} failed: AccessDenied: The role is not authorized to perform ${action} on resource ${resource}.`,
    resource: instance,
  }),
  mountTimeout: (instance: string, volume: string) => ({
    type: "Warning" as const,
    reason: "FailedMount",
    message: `Unable to attach or mount volumes: unmounted volumes=[${volume}], unattached volumes=[${volume}]: timed out waiting for the condition`,
    resource: instance,
  }),

  pullDenied: (instance: string, image: string) => ({
    type: "Warning" as const,
    reason: "Failed",
    message: `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed: 401 Unauthorized`,
    resource: instance,
  }),
  errImagePull: (instance: string) => ({ type: "Warning" as const, reason: "Failed", message: "Error: ErrImagePull", resource: instance }),
  backOff: (instance: string, image: string) => ({ type: "Warning" as const, reason: "BackOff", message: `Back-off pulling image "${image}"`, resource: instance }),
  imagePullBackOff: (instance: string) => ({ type: "Warning" as const, reason: "Failed", message: "Error: ImagePullBackOff", resource: instance }),

  pulled: (instance: string, image: string) => ({ type: "Normal" as const, reason: "Pulled", message: `Successfully pulled image "${image}"`, resource: instance }),
  started: (instance: string) => ({ type: "Normal" as const, reason: "Started", message: "Started container main", resource: instance }),
  scaling: (versionId: number, instances: number) => service("Normal", "Scaling", stage(versionId, "Stage scaling", 0, instances)),
  scaleComplete: (versionId: number, instances: number) => service("Normal", "ScaleComplete", stage(versionId, "Stage scale complete", instances, 0)),
} as const;

export const EAS_DIAGNOSES = {
  roleNotExist: (arn: string): DiagnosisDraft => ({
    error: `The RAM role ${arn} in the service config does not exist.`,
    causes: ["role_arn names a role that was never created or has been deleted."],
    advices: ["Create the role, or point role_arn at an existing role, then update the service."],
  }),
  serviceRoleNotExist: (roleName: string): DiagnosisDraft => ({
    error: `The service-linked role ${roleName} does not exist.`,
    causes: ["The PAI default role has not been created in this account, or was deleted."],
    advices: ["Create the service-linked role for PAI-EAS, then start the service again."],
  }),
  passRoleDenied: (userLabel: string, arn: string): DiagnosisDraft => ({
    error: `The deploying user ${userLabel} may not pass the role ${arn} to EAS.`,
    causes: ["A RAM user who deploys a service with a custom role needs ram:PassRole on that role."],
    advices: ["Attach a policy that allows ram:PassRole on the role to the user, then update the service."],
  }),
  assumeRoleDenied: (arn: string): DiagnosisDraft => ({
    error: ASSUME_ROLE_DENIED_MESSAGE,
    causes: [`The trust policy of ${arn} does not let eas.pai.aliyuncs.com assume the role, or the role cannot be passed or found.`],
    advices: ["Add eas.pai.aliyuncs.com to Principal.Service in the role's trust policy, then update the service."],
  }),
  workspaceIdMissing: (): DiagnosisDraft => ({
    error: "metadata.workspace_id is missing.",
    causes: ["Reading OSS through the PAI default role needs the service's workspace."],
    advices: ["Set metadata.workspace_id in the service config and update the service."],
  }),
  mountDenied: (target: string, action: string, resource: string): DiagnosisDraft => ({
    error: `Mounting ${target} failed: the service's role may not ${action} on ${resource}.`,
    causes: ["With a RAM role, EAS mounts data sources with the role's permissions."],
    advices: [`Grant ${action} on ${resource} to the role (for OSS, e.g. AliyunOSSReadOnlyAccess or a bucket-scoped policy), then update the service.`],
  }),
  pullDenied: (image: string): DiagnosisDraft => ({
    error: `Pulling the image ${image} failed: 401 Unauthorized.`,
    causes: ["With a RAM role, EAS pulls custom images with the role's permissions; the role cannot read the registry."],
    advices: ["Grant Container Registry read (e.g. AliyunContainerRegistryReadOnlyAccess) to the role, or set dockerAuth, then update the service."],
  }),
} as const;
