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

  it("starts a call asked for first before the calls already waiting, in the order they came", async () => {
    const limiter = new Limiter(1);
    const started: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const job = (name: string, first?: boolean) => limiter.run(async () => void started.push(name), { first });
    const holding = limiter.run(() => gate);
    const all = [job("role-1"), job("role-2"), job("page-2", true), job("role-3"), job("page-3", true)];
    open();
    await Promise.all([holding, ...all]);
    expect(started).toEqual(["page-2", "page-3", "role-1", "role-2", "role-3"]);
  });
});
