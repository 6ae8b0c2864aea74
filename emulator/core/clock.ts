// The emulator's one clock. Every time it reads (STS expiry, acs:CurrentTime in every policy
// decision, event times, the credentials endpoint) comes from here, so the control API can move
// it: a grant that expires tomorrow is tested by moving the clock, not by waiting.
import { z } from "zod";

export const clockMoveSchema = z.union([
  z.object({ advanceSeconds: z.number().finite().min(-3650 * 86_400).max(3650 * 86_400) }).strict(),
  z.object({ set: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ reset: z.literal(true) }).strict(),
]);
export type ClockMove = z.infer<typeof clockMoveSchema>;

export class EmulatorClock {
  private offsetMs = 0;

  /** `base` is real time, or a test's own clock; the offset moves on top of it. */
  constructor(private readonly base: () => Date = () => new Date()) {}

  readonly now = (): Date => new Date(this.base().getTime() + this.offsetMs);

  move(m: ClockMove): void {
    if ("advanceSeconds" in m) this.offsetMs += Math.round(m.advanceSeconds * 1000);
    else if ("set" in m) this.offsetMs = Date.parse(m.set) - this.base().getTime();
    else this.offsetMs = 0;
  }

  describe(): { now: string; offsetSeconds: number } {
    return { now: this.now().toISOString(), offsetSeconds: Math.round(this.offsetMs / 1000) };
  }
}
