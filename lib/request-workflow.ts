// The PassRole request workflow, below the store that keeps its rows, the approvals and the
// request pages. The states as a table: each transition names the states it may leave and
// the one it enters. The store applies a transition only where the row is still in a `from`
// state, so two writers racing for the same request cannot both win.

export const REQUEST_STATES = ["pending", "approved", "granting", "granted", "failed", "rejected", "cancelled", "revoked", "expired"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States in which a (RAM user, role) pair is taken: at most one such request per pair. */
export const OPEN_STATES = ["pending", "approved", "granting", "granted"] as const satisfies readonly RequestState[];

export const TRANSITIONS = {
  approve: { from: ["pending"], to: "approved" },
  reject: { from: ["pending"], to: "rejected" },
  cancel: { from: ["pending"], to: "cancelled" },
  startGrant: { from: ["approved"], to: "granting" },
  completeGrant: { from: ["granting"], to: "granted" },
  failGrant: { from: ["granting"], to: "failed" },
  revoke: { from: ["granted"], to: "revoked" },
  expire: { from: ["granted"], to: "expired" },
} as const satisfies Record<string, { from: readonly RequestState[]; to: RequestState }>;

export type Transition = keyof typeof TRANSITIONS;

export function canTransition(transition: Transition, from: RequestState): boolean {
  return (TRANSITIONS[transition].from as readonly RequestState[]).includes(from);
}

/** Where a request can still go from `state`. */
export function nextStates(state: RequestState): RequestState[] {
  return Object.values(TRANSITIONS).filter((t) => (t.from as readonly RequestState[]).includes(state)).map((t) => t.to);
}

/** Has the request ended, whatever happens in the cloud afterwards? */
export const isFinal = (state: RequestState): boolean => nextStates(state).length === 0;

// How long a grant lasts. A time-bound grant ends by RAM's own evaluation: its statement carries
// `DateLessThan` on `acs:CurrentTime`; "permanent" has no such condition.

export const GRANT_DURATIONS = ["1d", "7d", "30d", "permanent"] as const;
export type GrantDuration = (typeof GRANT_DURATIONS)[number];

/** The durations that end by themselves: what a grant made without anyone asking (an admin's fix) may take. */
export const BOUNDED_DURATIONS = ["1d", "7d", "30d"] as const satisfies readonly GrantDuration[];
export type BoundedDuration = (typeof BOUNDED_DURATIONS)[number];

const DAY_MS = 86_400_000;
const LENGTH_MS: Record<GrantDuration, number> = { "1d": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS, permanent: Number.POSITIVE_INFINITY };

export const REMINDER_BEFORE_MS = DAY_MS;

/** The moment a grant made at `from` stops being honoured, to the whole second; null when permanent. */
export function expiryFor(duration: GrantDuration, from: Date): Date | null {
  if (duration === "permanent") return null;
  return new Date(Math.floor((from.getTime() + LENGTH_MS[duration]) / 1000) * 1000);
}

/** An approver may shorten the duration asked for, never lengthen it. */
export function notLongerThan(approved: GrantDuration, requested: GrantDuration): boolean {
  return LENGTH_MS[approved] <= LENGTH_MS[requested];
}

/** Durations an approver may choose for a request that asked for `requested`. */
export function durationsUpTo(requested: GrantDuration): GrantDuration[] {
  return GRANT_DURATIONS.filter((d) => notLongerThan(d, requested));
}

/** A reminder a day before the end only helps grants that last longer than a day. */
export function wantsReminder(duration: GrantDuration | null): boolean {
  return duration !== null && duration !== "permanent" && LENGTH_MS[duration] > REMINDER_BEFORE_MS;
}
