// Every cloud operation the gateways call, with the RAM action the console's own identity needs
// for it. lib/policy builds the console's policy from this table, read-only mode refuses the
// writes in it, and a test fails when a gateway method is missing here.

type OperationKind = "read" | "write";

/** An action the cloud checks on the caller besides the operation's own (e.g. PassRole at deploy). */
interface RequiredAction {
  action: string;
  resource: string;
  condition?: Record<string, Record<string, string>>;
}

export interface CloudOperation {
  service: "ram" | "sts" | "eas" | "actiontrail";
  /** The API operation as it travels (`x-acs-action`). */
  operation: string;
  /** The RAM action to allow; null when any identity may call it. */
  action: string | null;
  /** What RAM checks the action against; `{region}` is filled in by the policy generator (`*`, or each region asked for). */
  resource: string | readonly string[];
  kind: OperationKind;
  /** The gateway methods (`ram.getRole`, `eas.listServices`) that call it. */
  methods: string[];
  alsoRequires?: RequiredAction[];
}

const ROLE = "acs:ram:*:*:role/*";
const POLICY = "acs:ram:*:*:policy/*";
const USER = "acs:ram:*:*:user/*";
const GROUP = "acs:ram:*:*:group/*";
// EAS names a service two ways (Platform for AI, "RAM authorization", API 2021-07-01): in the
// public resource group `acs:eas:<region>:<uid>:service/<name>`, in a dedicated resource group
// `acs:eas:<region>:<uid>:resource/<eas-r-id>/service/<name>`. The console reads and writes both.
const SERVICE = ["acs:eas:{region}:*:service/*", "acs:eas:{region}:*:resource/*/service/*"] as const;

// A deploy that names a custom role makes EAS check ram:PassRole on the deploying identity, here the console's.
const PASS_ROLE_TO_EAS: RequiredAction = {
  action: "ram:PassRole",
  resource: ROLE,
  condition: { StringEquals: { "acs:Service": "eas.pai.aliyuncs.com" } },
};

const ram = (operation: string, resource: string, kind: OperationKind, methods: string[]): CloudOperation => ({
  service: "ram",
  operation,
  action: `ram:${operation}`,
  resource,
  kind,
  methods: methods.map((m) => `ram.${m}`),
});

const eas = (operation: string, kind: OperationKind, methods: string[], alsoRequires?: RequiredAction[]): CloudOperation => ({
  service: "eas",
  operation,
  action: `eas:${operation}`,
  resource: SERVICE,
  kind,
  methods: methods.map((m) => `eas.${m}`),
  ...(alsoRequires ? { alsoRequires } : {}),
});

export const CLOUD_OPERATIONS: readonly CloudOperation[] = [
  ram("ListRoles", "*", "read", ["listRoles", "listAllRoles"]),
  ram("GetRole", ROLE, "read", ["getRole"]),
  ram("CreateRole", ROLE, "write", ["createRole"]),
  ram("UpdateRole", ROLE, "write", ["updateRoleTrust"]),
  // The diagnosis's fix for a missing PAI default role; RAM checks it on "*" with ram:ServiceName.
  ram("CreateServiceLinkedRole", "*", "write", ["createServiceLinkedRole"]),
  ram("DeleteRole", ROLE, "write", ["deleteRole"]),
  ram("ListPoliciesForRole", ROLE, "read", ["listPoliciesForRole"]),
  ram("AttachPolicyToRole", ROLE, "write", ["attachPolicyToRole"]),
  ram("DetachPolicyFromRole", ROLE, "write", ["detachPolicyFromRole"]),

  ram("ListPolicies", "*", "read", ["listPolicies", "listAllPolicies"]),
  ram("GetPolicy", POLICY, "read", ["getPolicy"]),
  ram("GetPolicyVersion", POLICY, "read", ["getPolicyVersion"]),
  ram("ListPolicyVersions", POLICY, "read", ["listPolicyVersions"]),
  ram("ListEntitiesForPolicy", POLICY, "read", ["listEntitiesForPolicy"]),
  ram("CreatePolicy", POLICY, "write", ["createPolicy"]),
  ram("CreatePolicyVersion", POLICY, "write", ["createPolicyVersion"]),
  ram("DeletePolicy", POLICY, "write", ["deletePolicy"]),

  ram("ListUsers", "*", "read", ["listUsers", "listAllUsers"]),
  ram("GetUser", USER, "read", ["getUser"]),
  ram("ListPoliciesForUser", USER, "read", ["listPoliciesForUser"]),
  ram("ListGroupsForUser", USER, "read", ["listGroupsForUser"]),
  ram("CreateUser", USER, "write", ["createUser"]),
  ram("AttachPolicyToUser", USER, "write", ["attachPolicyToUser"]),
  ram("DetachPolicyFromUser", USER, "write", ["detachPolicyFromUser"]),

  ram("ListGroups", "*", "read", ["listGroups"]),
  ram("GetGroup", GROUP, "read", ["getGroup"]),
  ram("ListUsersForGroup", GROUP, "read", ["listUsersForGroup"]),
  ram("ListPoliciesForGroup", GROUP, "read", ["listPoliciesForGroup"]),
  ram("CreateGroup", GROUP, "write", ["createGroup"]),
  ram("DeleteGroup", GROUP, "write", ["deleteGroup"]),
  ram("AddUserToGroup", GROUP, "write", ["addUserToGroup"]),
  ram("RemoveUserFromGroup", GROUP, "write", ["removeUserFromGroup"]),
  ram("AttachPolicyToGroup", GROUP, "write", ["attachPolicyToGroup"]),
  ram("DetachPolicyFromGroup", GROUP, "write", ["detachPolicyFromGroup"]),

  // Turns a refused call's EncodedDiagnosticMessage into its reasons; RAM checks it on "*".
  ram("DecodeDiagnosticMessage", "*", "read", ["decodeDiagnosticMessage"]),

  // STS answers GetCallerIdentity for any valid credentials; no policy grants or denies it.
  { service: "sts", operation: "GetCallerIdentity", action: null, resource: "*", kind: "read", methods: ["ram.getCallerIdentity"] },

  eas("ListServices", "read", ["listServices", "listAllServices"]),
  eas("DescribeService", "read", ["describeService"]),
  eas("DescribeServiceEvent", "read", ["describeServiceEvents"]),
  eas("ListServiceInstances", "read", ["listServiceInstances"]),
  eas("DescribeServiceDiagnosis", "read", ["describeServiceDiagnosis"]),
  eas("CreateService", "write", ["createService"], [PASS_ROLE_TO_EAS]),
  eas("UpdateService", "write", ["updateService"], [PASS_ROLE_TO_EAS]),
  eas("StartService", "write", ["startService"], [PASS_ROLE_TO_EAS]),
  eas("RestartService", "write", ["restartService"], [PASS_ROLE_TO_EAS]),
  eas("StopService", "write", ["stopService"]),
  eas("DeleteService", "write", ["deleteService"]),

  // RAM's permission audit of a role (lib/activity): the report job and its answer.
  { service: "ram", operation: "GenerateServiceLastAccessedDetails", action: "ram:GenerateServiceLastAccessedDetails", resource: "*", kind: "read", methods: ["ramAudit.generateServiceLastAccessedDetails"] },
  { service: "ram", operation: "GetServiceLastAccessedDetails", action: "ram:GetServiceLastAccessedDetails", resource: "*", kind: "read", methods: ["ramAudit.getServiceLastAccessedDetails"] },
  // The activity of a role's sessions (lib/activity); ActionTrail authorises LookupEvents on "*" only.
  { service: "actiontrail", operation: "LookupEvents", action: "actiontrail:LookupEvents", resource: "*", kind: "read", methods: ["actiontrail.lookupEvents"] },
];

/** The operation a gateway method calls (`"ram.getRole"`), or undefined for a method the table lacks. */
export function operationOf(method: string): CloudOperation | undefined {
  return CLOUD_OPERATIONS.find((o) => o.methods.includes(method));
}

/** Gateway methods that change the cloud: refused in read-only mode. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(CLOUD_OPERATIONS.filter((o) => o.kind === "write").flatMap((o) => o.methods));
