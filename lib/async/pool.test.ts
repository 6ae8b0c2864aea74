import { describe, expect, it } from "vitest";
import { Limiter, mapLimit } from "./pool";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapLimit", () => {
  it("keeps order and never exceeds the limit", async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await tick(n);
      active--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it("handles an empty list", async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});

describe("Limiter", () => {
  it("shares its slots between callers", async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const job = () => limiter.run(async () => {
      active++;
      peak = Math.max(peak, active);
      await tick(2);
      active--;
    });
    await Promise.all([job(), job(), job(), job(), job()]);
    expect(peak).toBe(2);
  });
});
