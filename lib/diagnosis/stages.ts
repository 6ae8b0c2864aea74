import type { DeployEvent } from "./types";

// Which stage of a deployment an event says failed, in the order the platform meets them. The
// event names the stage; within a stage the account's facts name the cause, so the three role
// failures that often share one message are told apart by RAM, never by the words.

export type Stage = "render" | "schedule" | "mount" | "pull" | "run";

export interface EventPattern {
  reason?: RegExp;
  message?: RegExp;
}

const STAGE_EVENTS: Readonly<Record<Stage, readonly EventPattern[]>> = {
  // Role, PassRole, trust, the service-linked role and workspace_id are all checked while the
  // service is rendered; a render failure about something else (a bad config) is not one of them.
  render: [{ message: /^unable to render\b.*(\brole\b|EntityNotExist|ServiceRoleNotFound|workspace_id|not authorized)/i }],
  schedule: [{ reason: /^FailedScheduling$/ }, { message: /nodes are available:.*\bInsufficient\b/ }],
  mount: [{ reason: /^FailedMount$/ }, { message: /MountVolume\.SetUp failed|Unable to attach or mount volumes/ }],
  pull: [{ reason: /^(ImagePullBackOff|ErrImagePull)$/ }, { message: /Failed to pull image|ImagePullBackOff|ErrImagePull/ }],
  run: [{ reason: /^(CrashLoopBackOff|OOMKilled)$/ }, { message: /\bnot healthy\b|Back-off restarting failed container|\bOOMKilled\b/ }],
};

export function matches(p: EventPattern, e: DeployEvent): boolean {
  return (p.reason === undefined || p.reason.test(e.reason)) && (p.message === undefined || p.message.test(e.message)) && (p.reason !== undefined || p.message !== undefined);
}

/** The stage the event names: by its Reason (a structured field) first, by its Message text only then. */
export function stageOf(e: DeployEvent): Stage | undefined {
  const stages = Object.keys(STAGE_EVENTS) as Stage[];
  const byReason = stages.find((s) => STAGE_EVENTS[s].some((p) => p.message === undefined && matches(p, e)));
  return byReason ?? stages.find((s) => STAGE_EVENTS[s].some((p) => matches(p, e)));
}

/** Statuses in which a deployment has ended in failure (Waiting: no room to schedule it). */
export const FAILING_STATUSES: ReadonlySet<string> = new Set(["Failed", "Waiting"]);
/** Statuses in which a deployment is still under way. */
export const IN_PROGRESS_STATUSES: ReadonlySet<string> = new Set(["Creating", "Updating", "Starting", "HotUpdate", "Stopping", "Deleting"]);
