// The PassRole request workflow as a table: each transition names the states it may leave and
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
