// Every deployment event and diagnosis text the emulated EAS writes, in one table, so the
// console's diagnosis rules are tested against the very strings the emulator emits. The texts
// follow the real service's (the PAI-EAS FAQ, Kubernetes' kubelet and scheduler, containerd).

type EventType = "Normal" | "Warning";

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

const NOT_AUTHORIZED_BY_RAM = "You are not authorized to do this action. You should be authorized by RAM.";

/** The real service's words when the role's trust policy does not let EAS assume it (seed FAQ). */
export const ASSUME_ROLE_DENIED_MESSAGE = `unable to render, error: failed to assume role for user, reason: ${NOT_AUTHORIZED_BY_RAM}`;

/** What the scheduler names each resource in `Insufficient …`. */
const RESOURCE_NAMES = { cpu: "cpu", memory: "memory", gpu: "nvidia.com/gpu" } as const;
export type ResourceKind = keyof typeof RESOURCE_NAMES;

const service = (type: EventType, reason: string, message: string): EventDraft => ({ type, reason, message, resource: "Service" });
const instance = (type: EventType, reason: string, message: string, resource: string): EventDraft => ({ type, reason, message, resource });
const stage = (versionId: number, message: string, available: number, unavailable: number) =>
  JSON.stringify({ versionId, message, availableInstance: available, unavailableInstance: unavailable });
const pullFailed = (name: string, image: string, detail: string) =>
  instance("Warning", "Failed", `Failed to pull image "${image}": rpc error: ${detail}`, name);

/** The Service's own Message while nothing went wrong. */
export const SERVICE_MESSAGES = {
  inFlight: (status: string) => `Service is ${status.toLowerCase()}`,
  running: "Service is now running",
  stopped: "Service is stopped",
} as const;

export const EAS_EVENTS = {
  deployRequested: (versionId: number, action: "create" | "update" | "start" | "restart") =>
    service("Normal", { create: "CreateService", update: "UpdateService", start: "StartService", restart: "RestartService" }[action], stage(versionId, "Start to deploy", 0, 0)),
  stopped: (versionId: number) => service("Normal", "StopService", stage(versionId, "Service stopped", 0, 0)),

  configInvalid: (problem: string) => service("Warning", "RenderFailed", `unable to render, error: ${problem}`),
  roleNotExist: (arn: string) =>
    service("Warning", "RenderFailed", `unable to render, error: failed to get role ${arn}, reason: EntityNotExist.Role: The specified Role not exists.`),
  serviceRoleNotExist: (roleName: string) =>
    service("Warning", "RenderFailed", `unable to render, error: ServiceRoleNotFound: the service-linked role ${roleName} does not exist in this account.`),
  passRoleDenied: (userLabel: string, arn: string) =>
    service("Warning", "RenderFailed", `unable to render, error: user ${userLabel} failed to pass role ${arn} to eas.pai.aliyuncs.com, reason: ${NOT_AUTHORIZED_BY_RAM}`),
  /** Also what role-not-found and PassRole-denied say under --generic-role-errors. */
  assumeRoleDenied: () => service("Warning", "RenderFailed", ASSUME_ROLE_DENIED_MESSAGE),
  workspaceIdMissing: () =>
    service(
      "Warning",
      "RenderFailed",
      "unable to render, error: metadata.workspace_id is required to access OSS through the PAI default role (options.enable_ram_role), please set metadata.workspace_id in the service config.",
    ),

  failedScheduling: (name: string, nodes: number, short: ResourceKind[]) =>
    instance("Warning", "FailedScheduling", `0/${nodes} nodes are available: ${short.map((k) => `${nodes} Insufficient ${RESOURCE_NAMES[k]}`).join(", ")}.`, name),

  mountDenied: (name: string, volume: string, target: string, action: string, resource: string) =>
    instance("Warning", "FailedMount", `MountVolume.SetUp failed for volume "${volume}" : mount ${target} failed: AccessDenied: The role is not authorized to perform ${action} on resource ${resource}.`, name),
  mountTimeout: (name: string, volume: string) =>
    instance("Warning", "FailedMount", `Unable to attach or mount volumes: unmounted volumes=[${volume}], unattached volumes=[${volume}]: timed out waiting for the condition`, name),

  pullDenied: (name: string, image: string) =>
    pullFailed(
      name,
      image,
      `code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed: 401 Unauthorized`,
    ),
  noSuchHost: (name: string, image: string, ref: { host: string; reference: string; repository: string; tag: string }) =>
    pullFailed(
      name,
      image,
      `code = Unknown desc = failed to pull and unpack image "${ref.reference}": failed to resolve reference "${ref.reference}": failed to do request: Head "https://${ref.host}/v2/${ref.repository}/manifests/${ref.tag}": dial tcp: lookup ${ref.host}: no such host`,
    ),
  repositoryNotFound: (name: string, image: string, reference: string) =>
    pullFailed(name, image, `code = NotFound desc = failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": ${reference}: not found`),
  errImagePull: (name: string) => instance("Warning", "Failed", "Error: ErrImagePull", name),
  backOff: (name: string, image: string) => instance("Warning", "BackOff", `Back-off pulling image "${image}"`, name),
  imagePullBackOff: (name: string) => instance("Warning", "Failed", "Error: ImagePullBackOff", name),

  pulled: (name: string, image: string) => instance("Normal", "Pulled", `Successfully pulled image "${image}"`, name),
  started: (name: string) => instance("Normal", "Started", "Started container main", name),
  crashed: (name: string) => instance("Warning", "Unhealthy", `Instance ${name} not healthy: Instance crashed, please inspect instance log.`, name),
  oomKilled: (name: string, memoryMb: number | undefined) =>
    instance(
      "Warning",
      "OOMKilled",
      `Instance ${name} not healthy: container main was terminated, reason: OOMKilled, exit code: 137${memoryMb ? `, memory limit: ${memoryMb}Mi` : ""}, please inspect instance log.`,
      name,
    ),
  backOffRestart: (name: string) => instance("Warning", "BackOff", "Back-off restarting failed container", name),

  scaling: (versionId: number, instances: number) => service("Normal", "Scaling", stage(versionId, "Stage scaling", 0, instances)),
  scaleComplete: (versionId: number, instances: number) => service("Normal", "ScaleComplete", stage(versionId, "Stage scale complete", instances, 0)),
} as const;

const perInstance = (r: { cpu: number; memory: number; gpu: number }) => `${r.cpu} CPU, ${r.memory} MB memory, ${r.gpu} GPU`;

export const EAS_DIAGNOSES = {
  configInvalid: (problem: string): DiagnosisDraft => ({
    error: problem,
    causes: ["The service config is not a valid EAS service config."],
    advices: ["Correct the service config, then update the service."],
  }),
  roleNotExist: (arn: string): DiagnosisDraft => ({
    error: `The RAM role ${arn} in the service config does not exist.`,
    causes: ["role_arn names a role that was never created or has been deleted."],
    advices: ["Create the role, or point role_arn at an existing role, then update the service."],
  }),
  serviceRoleNotExist: (roleName: string): DiagnosisDraft => ({
    error: `The service-linked role ${roleName} does not exist.`,
    causes: ["The PAI default role has not been created in this account, or was deleted."],
    advices: ["Create the service-linked role for PAI-EAS (CreateServiceLinkedRole with ServiceName eas.pai.aliyuncs.com), then start the service again."],
  }),
  passRoleDenied: (userLabel: string, arn: string): DiagnosisDraft => ({
    error: `The deploying user ${userLabel} may not pass the role ${arn} to EAS.`,
    causes: ["A RAM user who deploys a service with a custom role needs ram:PassRole on that role."],
    advices: ["Attach a policy that allows ram:PassRole on the role to the user, then update the service."],
  }),
  assumeRoleDenied: (arn: string): DiagnosisDraft => ({
    error: ASSUME_ROLE_DENIED_MESSAGE,
    causes: [`The trust policy of ${arn} does not let eas.pai.aliyuncs.com assume the role.`],
    advices: ["Add eas.pai.aliyuncs.com to Principal.Service in the role's trust policy, then update the service."],
  }),
  /** The one diagnosis of all three role failures under --generic-role-errors, as the real service gives. */
  genericRoleDenied: (): DiagnosisDraft => ({
    error: ASSUME_ROLE_DENIED_MESSAGE,
    causes: ["The role in the service config does not exist, the deploying RAM user may not pass it, or its trust policy does not let eas.pai.aliyuncs.com assume it."],
    advices: ["Check that the role exists, that the deploying user holds ram:PassRole on it, and that its trust policy names eas.pai.aliyuncs.com, then update the service."],
  }),
  workspaceIdMissing: (): DiagnosisDraft => ({
    error: "metadata.workspace_id is missing.",
    causes: ["Reading OSS through the PAI default role needs the service's workspace."],
    advices: ["Set metadata.workspace_id in the service config and update the service."],
  }),
  insufficientResources: (region: string, instances: number, each: { cpu: number; memory: number; gpu: number }, short: ResourceKind[]): DiagnosisDraft => ({
    error: `Not enough resources in ${region} to schedule the service: short of ${short.map((k) => RESOURCE_NAMES[k]).join(", ")}.`,
    causes: [`The service asks for ${instances} instance(s) of ${perInstance(each)} each, more than the region's public resource pool has free besides the running services.`],
    advices: ["Lower metadata.instance or the per-instance resources, deploy in another region or on a dedicated resource group, or stop other services, then update the service."],
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
  noSuchHost: (image: string, host: string): DiagnosisDraft => ({
    error: `Pulling the image ${image} failed: the registry host ${host} does not resolve from the service's VPC (no such host).`,
    causes: ["An EAS service reaches registries through its VPC, which has no public DNS or internet access unless it is given one; only Alibaba Cloud registry addresses resolve, a -vpc address only in its own region."],
    advices: ["Push the image to Container Registry and use its -vpc address in the service's region, or give the service a VPC with internet access, then update the service."],
  }),
  repositoryNotFound: (image: string, repository: string, host: string): DiagnosisDraft => ({
    error: `Pulling the image ${image} failed: the repository ${repository} does not exist in ${host} (not found).`,
    causes: ["The image address names a namespace or repository the registry does not hold: a typo, or the image was never pushed there."],
    advices: ["Correct the image address or push the image to that repository, then update the service."],
  }),
  crashed: (name: string): DiagnosisDraft => ({
    error: `Instance ${name} crashed after it started and keeps restarting (CrashLoopBackOff).`,
    causes: ["The container's main process exited with an error: a fault in the code, a missing file or module, or a wrong start command."],
    advices: ["Read the instance log (DescribeServiceLog), fix the code, image or command, then update the service."],
  }),
  oomKilled: (name: string, memoryMb: number | undefined): DiagnosisDraft => ({
    error: `Instance ${name} was killed for running out of memory (OOMKilled, exit code 137).`,
    causes: [`The process needed more memory than the instance's limit${memoryMb ? ` of ${memoryMb} MB (metadata.memory)` : ""}.`],
    advices: ["Raise metadata.memory or choose a larger instance type, or make the model load less at once, then update the service."],
  }),
} as const;
