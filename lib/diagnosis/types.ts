import type { ReadinessFacts } from "../readiness/facts";
import type { Advice, DeployEvent, Evidence, FixProposal } from "../readiness/evidence";

export type { FixInputs, RoleCandidate } from "../readiness/facts";
export type { Advice, DeployEvent, DocLine, Evidence, FixKind, FixProposal } from "../readiness/evidence";

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


/** Everything a diagnosis decides from: the readiness facts. */
export type DiagnosisFacts = ReadinessFacts;


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

/**
 * What a diagnosis rests on: `state` (the account's facts, the service's and its instances'
 * structured fields), `event` (the platform's words alone), or `state+event` (the words name the
 * stage, the state names the cause within it).
 */
export type Basis = "state" | "event" | "state+event";

/** An instance as ListServiceInstances gives it: state, not words. */
export interface InstanceState {
  name: string;
  status: string;
  reason: string;
  restartCount: number;
  exitCode?: number;
}

export interface Diagnosis {
  /** The service's EAS status. */
  status: string;
  basis: Basis;
  /** The event diagnosed (the service's own Reason and Message), when the service failed. */
  event?: DeployEvent;
  cause: Cause;
  /** For UNKNOWN: the event points at a known stage, but the account no longer shows its cause (redeploy). */
  cleared?: boolean;
  /**
   * A deployment under way (Creating, Updating…): nothing has failed yet, and what the readiness
   * rules predict of it, when one holds ("this deployment will fail: the trust policy does not admit EAS").
   */
  deploying?: { predicted?: { code: RuleCode; values: Record<string, string | number>; subject?: string } };
  fixes: FixProposal[];
  advice: Advice[];
}
