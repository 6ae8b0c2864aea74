// What lib/activity answers: one role's use of its permissions, how much of the window the
// console could see, what went unused, and the right-sized policy.
import type { ConditionBlock, PolicyDocument } from "../policy/types";

/** One call made with a role's session, as the aggregator takes it (an ActionTrail event narrowed). */
export interface ActivityEvent {
  role: string;
  /** RAM action prefix: `oss`, `ram`, `eas`. */
  service: string;
  /** RAM action: `oss:GetObject`. */
  action: string;
  /** ARNs of what the call touched; empty when the event names none. */
  resources: string[];
  /** Epoch milliseconds. */
  at: number;
  /** How many calls this event stands for (1 unless the source batches them). */
  count: number;
  /** A failed call (`errorCode` set) used no permission: counted apart, never proposed. */
  failed: boolean;
}

export interface ActionUse {
  action: string;
  lastUsed: string;
  count: number;
  /** The distinct resources touched, at most RESOURCES_PER_ACTION of them. */
  resources: string[];
  /** More distinct resources were touched than are listed. */
  moreResources?: boolean;
}

export interface ServiceUse {
  service: string;
  /** Latest of ActionTrail's events and RAM's permission audit; null when neither saw a use. */
  lastAccessed: string | null;
  actions: ActionUse[];
}

type GapKind = "trail_unreachable" | "window_not_read" | "throttled" | "truncated" | "beyond_retention" | "audit_unavailable";

export interface CoverageGap {
  kind: GapKind;
  from: string;
  to: string;
  /** The cloud's error code and RequestId when a call failed. */
  code?: string;
  requestId?: string;
}

export interface Coverage {
  from: string;
  to: string;
  days: number;
  /** Whole days of the window every source needed was read for. */
  daysSeen: number;
  sources: ("actiontrail" | "ram-permission-audit")[];
  gaps: CoverageGap[];
  /** Whether the trail recorded OSS data events (object reads and writes) in the window: only then is an unused OSS object action known. */
  ossDataEvents: boolean;
}

export interface UnusedFinding {
  kind: "role" | "service" | "action";
  name: string;
  lastUsed: string | null;
}

export type StatementReason =
  | { kind: "used"; actions: string[] }
  | { kind: "deploy"; needs: { kind: string; target: string }[] }
  | { kind: "deny" };

export interface ProposedStatement {
  sid: string;
  effect: "Allow" | "Deny";
  actions: string[];
  resources: string[];
  /** The current statement's conditions, kept as they are. */
  condition?: ConditionBlock;
  why: StatementReason;
}

type NoNewAccess =
  | { holds: true }
  | { holds: false; counterexample: { action: string; resource: string } }
  | { holds: null; undecidable: { action: string; resource: string; conditionKeys: string[] } };

export interface Proposal {
  document: PolicyDocument;
  statements: ProposedStatement[];
  /** Action patterns granted now (every Allow statement's actions, distinct). */
  grantedActions: string[];
  /** Granted patterns none of whose actions is used or needed at deploy. */
  droppedActions: string[];
  /** Distinct actions the proposal allows. */
  keptActions: string[];
  /** Kinds of deploy needs kept (`oss-mount`, `image-pull`, `oss-model`…). */
  deployNeeds: string[];
  noNewAccess: NoNewAccess;
}
