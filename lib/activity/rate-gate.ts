// Spaces calls to an API with a documented rate: each caller reserves the next free slot, so
// concurrent readers together stay under the rate instead of each keeping it alone.

export class RateGate {
  private next = 0;
  private readonly intervalMs: number;

  constructor(perSecond: number, private readonly now: () => number = Date.now) {
    this.intervalMs = 1000 / perSecond;
  }

  async wait(): Promise<void> {
    const t = this.now();
    const at = Math.max(t, this.next);
    this.next = at + this.intervalMs;
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  }
}
