// What pages and server code see of the cloud. Implementations live beside this file and are
// the only code that talks to RAM or EAS; the emulator and a real account look the same here.

export interface CloudErrorShape {
  code: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
}

/** One error type for every failed cloud call: the cloud's own code and RequestId, kept. */
export class CloudError extends Error implements CloudErrorShape {
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  constructor(e: CloudErrorShape) {
    super(e.message);
    this.name = "CloudError";
    this.code = e.code;
    this.requestId = e.requestId;
    this.httpStatus = e.httpStatus;
  }
  toJSON(): CloudErrorShape {
    return { code: this.code, message: this.message, requestId: this.requestId, httpStatus: this.httpStatus };
  }
}

export interface Page<T> {
  items: T[];
  /** RAM paging: pass back as `marker` while `isTruncated`. */
  marker?: string;
  isTruncated?: boolean;
  /** EAS paging. */
  totalCount?: number;
  pageNumber?: number;
  pageSize?: number;
}

/** Every write returns the cloud's RequestId, for the audit log. */
export interface WriteResult {
  requestId: string;
}

export type PolicyType = "System" | "Custom";

export interface Tag {
  key: string;
  value: string;
}

export interface RoleSummary {
  roleId: string;
  roleName: string;
  arn: string;
  description: string;
  maxSessionDuration: number;
  createDate: string;
  updateDate?: string;
  tags?: Tag[];
}

export interface Role extends RoleSummary {
  /** The trust policy, as the JSON string RAM stores. */
  assumeRolePolicyDocument: string;
}

export interface AttachedPolicy {
  policyName: string;
  policyType: PolicyType;
  description: string;
  defaultVersion: string;
  attachDate: string;
}

export interface PolicySummary {
  policyName: string;
  policyType: PolicyType;
  description: string;
  defaultVersion: string;
  attachmentCount: number;
  createDate: string;
  updateDate?: string;
}

export interface Policy extends PolicySummary {
  /** The default version's document, as a JSON string. */
  policyDocument: string;
}

export interface PolicyVersion {
  versionId: string;
  isDefaultVersion: boolean;
  policyDocument: string;
  createDate: string;
}

export interface RamUser {
  userId: string;
  userName: string;
  displayName: string;
  email?: string;
  comments?: string;
  createDate: string;
  updateDate?: string;
  lastLoginDate?: string;
}

export interface PolicyEntities {
  users: { userId: string; userName: string; displayName: string; attachDate: string }[];
  roles: { roleId: string; roleName: string; arn: string; attachDate: string }[];
  groups: { groupName: string; attachDate: string }[];
}

export interface CallerIdentity {
  accountId: string;
  arn: string;
  identityType: string;
  principalId: string;
  userId?: string;
  roleId?: string;
}

export interface RamGateway {
  listRoles(opts?: { marker?: string; maxItems?: number }): Promise<Page<RoleSummary>>;
  /** Follows Marker until the list is complete. */
  listAllRoles(): Promise<RoleSummary[]>;
  getRole(roleName: string): Promise<Role>;
  createRole(input: {
    roleName: string;
    assumeRolePolicyDocument: string;
    description?: string;
    maxSessionDuration?: number;
  }): Promise<Role & WriteResult>;
  updateRoleTrust(roleName: string, assumeRolePolicyDocument: string): Promise<Role & WriteResult>;
  deleteRole(roleName: string): Promise<WriteResult>;

  listPoliciesForRole(roleName: string): Promise<AttachedPolicy[]>;
  listPoliciesForUser(userName: string): Promise<AttachedPolicy[]>;
  listPolicies(opts?: { policyType?: PolicyType; marker?: string; maxItems?: number }): Promise<Page<PolicySummary>>;
  listAllPolicies(policyType?: PolicyType): Promise<PolicySummary[]>;
  getPolicy(policyName: string, policyType: PolicyType): Promise<Policy>;
  getPolicyVersion(policyName: string, policyType: PolicyType, versionId: string): Promise<PolicyVersion>;
  listPolicyVersions(policyName: string, policyType: PolicyType): Promise<PolicyVersion[]>;
  createPolicy(input: { policyName: string; policyDocument: string; description?: string }): Promise<PolicySummary & WriteResult>;
  createPolicyVersion(input: { policyName: string; policyDocument: string; setAsDefault?: boolean }): Promise<PolicyVersion & WriteResult>;
  deletePolicy(policyName: string): Promise<WriteResult>;
  attachPolicyToRole(input: { policyName: string; policyType: PolicyType; roleName: string }): Promise<WriteResult>;
  detachPolicyFromRole(input: { policyName: string; policyType: PolicyType; roleName: string }): Promise<WriteResult>;
  attachPolicyToUser(input: { policyName: string; policyType: PolicyType; userName: string }): Promise<WriteResult>;
  detachPolicyFromUser(input: { policyName: string; policyType: PolicyType; userName: string }): Promise<WriteResult>;
  listEntitiesForPolicy(policyName: string, policyType: PolicyType): Promise<PolicyEntities>;

  listUsers(opts?: { marker?: string; maxItems?: number }): Promise<Page<RamUser>>;
  listAllUsers(): Promise<RamUser[]>;
  getUser(userName: string): Promise<RamUser>;
  createUser(input: { userName: string; displayName?: string; comments?: string }): Promise<RamUser & WriteResult>;

  getCallerIdentity(): Promise<CallerIdentity>;
}

export type ServiceStatus =
  | "Creating"
  | "Waiting"
  | "Running"
  | "Failed"
  | "Stopped"
  | "Stopping"
  | "Starting"
  | "Updating"
  | "Deleting"
  | "DeleteFailed"
  | "HotUpdate"
  | "Completed"
  | string;

export interface EasService {
  serviceName: string;
  serviceId: string;
  region: string;
  status: ServiceStatus;
  reason: string;
  message: string;
  /** The service config exactly as deployed (a JSON string): the RAM role lives in here. */
  serviceConfig: string;
  createTime: string;
  updateTime: string;
  runningInstance: number;
  pendingInstance: number;
  totalInstance: number;
  image: string;
  cpu: number;
  memory: number;
  gpu: number;
  callerUid: string;
  parentUid: string;
  workspaceId: string;
  currentVersion: number;
  latestVersion: number;
  internetEndpoint: string;
  intranetEndpoint: string;
  labels: Tag[];
}

export interface EasEvent {
  type: "Normal" | "Warning" | string;
  reason: string;
  message: string;
  /** `2006-01-02 15:04:05`, UTC, as EAS sends it. */
  time: string;
  resource: string;
}

export interface EasInstance {
  instanceName: string;
  status: string;
  reason: string;
  restartCount: number;
  readyProcesses: number;
  totalProcesses: number;
  hostIp: string;
  innerIp: string;
  startTime: string;
  zone: string;
}

/** One entry of DescribeServiceDiagnosis: what failed, why, and what to do. */
export interface EasDiagnosis {
  error: string;
  causes: string[];
  advices: string[];
}

export interface ListServicesQuery {
  serviceName?: string;
  serviceStatus?: string;
  pageNumber?: number;
  pageSize?: number;
  sort?: string;
  order?: "asc" | "desc";
}

export interface ServiceEventsQuery {
  eventType?: "Normal" | "Warning";
  startTime?: string;
  endTime?: string;
  pageNum?: number;
  pageSize?: number;
  instanceName?: string;
}

export interface EasGateway {
  /** Regions this console shows (from configuration). */
  readonly regions: string[];
  listServices(region: string, query?: ListServicesQuery): Promise<Page<EasService>>;
  /** Follows PageNumber until the list is complete. */
  listAllServices(region: string, query?: Omit<ListServicesQuery, "pageNumber">): Promise<EasService[]>;
  describeService(region: string, serviceName: string): Promise<EasService>;
  describeServiceEvents(
    region: string,
    serviceName: string,
    query?: ServiceEventsQuery,
  ): Promise<Page<EasEvent> & { totalPageNum: number }>;
  listServiceInstances(region: string, serviceName: string): Promise<Page<EasInstance>>;
  describeServiceDiagnosis(region: string, serviceName: string): Promise<EasDiagnosis[]>;
  createService(
    region: string,
    serviceConfig: string,
    opts?: { workspaceId?: string; develop?: boolean },
  ): Promise<{ serviceName: string; serviceId: string; status: string; region: string } & WriteResult>;
  updateService(
    region: string,
    serviceName: string,
    serviceConfig: string,
    updateType?: "merge" | "replace",
  ): Promise<WriteResult>;
  deleteService(region: string, serviceName: string): Promise<WriteResult>;
  startService(region: string, serviceName: string): Promise<WriteResult>;
  stopService(region: string, serviceName: string): Promise<WriteResult>;
}

export interface Cloud {
  ram: RamGateway;
  eas: EasGateway;
  /** What the console talks to, for the header badge and /api/health. Never a secret. */
  describe(): { mode: "emulator" | "aliyun"; endpoint: string; regions: string[]; accountId?: string };
}
