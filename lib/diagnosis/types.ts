import type { EvaluationResult, NamedPolicy, PolicyDocument } from "../policy/types";
import type { ServiceConfig } from "../service-config/types";
import type { ServiceRoleUse } from "../inventory/analyse";
import type { AccountRoleFacts, Deployer, PassRoleFacts } from "../inventory/facts";

// The shapes of a diagnosis: plain JSON, the same for the API, the pages and the fleet view.

/** Stable cause codes (README lists them): what failed a deployment, or NONE. */
export const CAUSE_CODES = [
  "ROLE_NOT_FOUND",
  "TRUST_MISSING_EAS",
  "PASSROLE_DENIED",
  "DEFAULT_ROLE_MISSING",
  "WORKSPACE_ID_MISSING",
  "MOUNT_DENIED",
  "IMAGE_PULL_DENIED",
  "IMAGE_NOT_FOUND",
  "INSTANCE_CRASH",
  "OOM_KILLED",
  "INSUFFICIENT_RESOURCES",
  "UNKNOWN",
  "NONE",
] as const;
export type CauseCode = (typeof CAUSE_CODES)[number];
/** The causes a rule of the table names. */
export type RuleCode = Exclude<CauseCode, "UNKNOWN" | "NONE">;

/** What EAS said about a deployment: an event, or the service's own Reason and Message. */
export interface DeployEvent {
  type: string;
  reason: string;
  message: string;
  time?: string;
}

/** Everything a diagnosis decides from, read once per distinct role and user. */
export interface DiagnosisFacts {
  accountId: string;
  region: string;
  use: ServiceRoleUse;
  config?: ServiceConfig;
  /** The role named by the config: its custom role, or the PAI default role for Method 1. */
  role?: AccountRoleFacts;
  /** The PAI default role, with whose permissions the platform mounts for a service without a role. */
  platformRole?: AccountRoleFacts;
  /** Who deployed the service (its CallerUid), and whether they may pass its custom role. */
  deployer?: Deployer;
  passRole?: PassRoleFacts;
  /** Cloud errors that left a fact out (the list only): the verdict is not a full one. */
  unread?: { code: string; requestId?: string }[];
  /** Read only for a single service's fixes, never for the list. */
  fixInputs?: FixInputs;
}

export interface RoleCandidate {
  name: string;
  arn: string;
  /** The role's policies cover every need of the service. */
  coversNeeds: boolean;
  /** The deployer may pass it (always true for a service the account itself deployed). */
  deployerMayPass: boolean;
}

export interface FixInputs {
  /** Existing roles that EAS may assume, nearest in name to a missing one first. */
  candidates: RoleCandidate[];
  /** metadata.workspace_id values of the region's other services. */
  workspaces: string[];
  /** System policies that may cover a denied need, with their documents. */
  coverPolicies: NamedPolicy[];
}

export interface StatementRef {
  policy: string;
  statementIndex: number;
  effect: "Allow" | "Deny";
}

/** A diff line of a document and what it would become: `add` lines are what is missing. */
export interface DocLine {
  kind: "same" | "add" | "del";
  text: string;
}

export type NeedKindRef = ServiceRoleUse["needs"][number]["kind"];

export type Evidence =
  | { kind: "event"; event: DeployEvent }
  | { kind: "role-missing"; roleName?: string; roleArn?: string; reason: "not-found" | "malformed-arn" | "other-account"; cloud?: { code: string; requestId?: string } }
  | { kind: "trust"; roleName: string; document: string; lines: DocLine[]; easCanAssume: false; deny?: StatementRef; unreadable?: string }
  | { kind: "passrole"; userName: string; uid: string; roleArn: string; decision: EvaluationResult["decision"]; deciding?: StatementRef; required: string }
  | { kind: "need"; roleName?: string; need: { kind: NeedKindRef; path: string; target: string }; action: string; resource: string; decision: EvaluationResult["decision"]; deciding?: StatementRef }
  | { kind: "service-linked-role"; roleName: string; cloud?: { code: string; requestId?: string } }
  | { kind: "config-field"; path: string; neededBy: string[] }
  | { kind: "resources"; region: string; instances: number; perInstance: { cpu: number; memory: number; gpu: number }; short: string[]; nodes?: number }
  | { kind: "image"; image: string; problem: "no-such-host" | "not-found"; host?: string; repository?: string }
  | { kind: "instances"; names: string[]; memoryLimitMb?: number; exitCode?: number };

/** A change an admin can apply; lib/fixes turns each into a previewed write plan. */
export type FixProposal =
  | { id: "add-eas-trust"; kind: "add-trust-principal"; roleName: string }
  | { id: `attach-policy:${string}`; kind: "attach-policy"; roleName: string; policyName: string; policyType: "System" }
  | { id: "scoped-policy"; kind: "create-scoped-policy"; roleName: string; policyName: string; document: PolicyDocument }
  | { id: `role-arn:${string}`; kind: "point-role-arn"; roleName: string; roleArn: string; configPath: "role_arn" | "credential.role_arn" }
  | { id: `workspace-id:${string}`; kind: "add-workspace-id"; workspaceId: string }
  | { id: "create-service-linked-role"; kind: "create-service-linked-role"; serviceName: string; roleName: string }
  | { id: "grant-passrole"; kind: "grant-passrole"; userName: string; roleName: string; roleArn: string };
export type FixKind = FixProposal["kind"];

/** Where to look when no change in RAM or the config is the fix. */
export type Advice =
  | { id: "instance-log"; instances: string[] }
  | { id: "memory-settings"; field: "metadata.memory"; memoryMb?: number }
  | { id: "resource-settings"; fields: string[] }
  | { id: "image-address"; image: string; region: string }
  | { id: "redeploy" };

export interface Cause {
  code: CauseCode;
  /** Values for the cause's one-sentence summary in the catalog (`diagnosis.cause.<code>.summary`). */
  values: Record<string, string | number>;
  /** What the fix acts on, for grouping services with one fix: a role, a user and role, a region. */
  subject?: string;
  /** Short words for a badge's title: the role, the mount, the user. */
  detail?: string[];
  evidence: Evidence[];
}

export interface Diagnosis {
  /** The service's EAS status. */
  status: string;
  /** The event diagnosed (the service's own Reason and Message), when the service failed. */
  event?: DeployEvent;
  cause: Cause;
  /** For UNKNOWN: the event points at a known stage, but the account no longer shows its cause (redeploy). */
  cleared?: boolean;
  fixes: FixProposal[];
  advice: Advice[];
}
