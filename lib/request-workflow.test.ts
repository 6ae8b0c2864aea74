import { describe, expect, it } from "vitest";
import { canTransition, isFinal, nextStates, OPEN_STATES, REQUEST_STATES, TRANSITIONS, type RequestState } from "./request-workflow";

describe("the request state machine", () => {
  it("is exactly pending → approved → granting → granted | failed; granted → revoked | expired; pending → rejected | cancelled", () => {
    const edges = Object.values(TRANSITIONS).flatMap((t) => t.from.map((f) => `${f}>${t.to}`)).sort();
    expect(edges).toEqual(
      ["approved>granting", "granted>expired", "granted>revoked", "granting>failed", "granting>granted", "pending>approved", "pending>cancelled", "pending>rejected"].sort(),
    );
  });

  it("allows each transition only from its own states", () => {
    for (const [name, t] of Object.entries(TRANSITIONS)) {
      for (const s of REQUEST_STATES) expect(canTransition(name as keyof typeof TRANSITIONS, s), `${name} from ${s}`).toBe((t.from as readonly RequestState[]).includes(s));
    }
  });

  it("ends in failed, rejected, cancelled, revoked and expired, and nowhere else", () => {
    expect(REQUEST_STATES.filter(isFinal).sort()).toEqual(["cancelled", "expired", "failed", "rejected", "revoked"]);
    expect(nextStates("granted").sort()).toEqual(["expired", "revoked"]);
  });

  it("counts as open exactly the states that still lead to, or are, a grant", () => {
    expect([...OPEN_STATES].sort()).toEqual(["approved", "granted", "granting", "pending"]);
    for (const s of OPEN_STATES) expect(isFinal(s)).toBe(false);
  });
});
