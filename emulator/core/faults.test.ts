import { describe, expect, it } from "vitest";
import { ApiError } from "./contract";
import { Faults } from "./faults";
import { isLoopback } from "./http";

describe("Faults", () => {
  it("fails at the configured rate with the configured code and status", async () => {
    let i = 0;
    const faults = new Faults({ random: () => (i++ % 10) / 10 }); // 0.0, 0.1, … 0.9
    faults.set({ operation: "ListRoles", errorRate: 0.2, errorCode: "Throttling.User", httpStatus: 400 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => faults.apply("ListRoles").then(() => "ok", (e: unknown) => e)));
    const errors = outcomes.filter((o): o is ApiError => o instanceof ApiError);
    expect(errors).toHaveLength(2);
    expect(errors.map((e) => [e.code, e.status])).toEqual([["Throttling.User", 400], ["Throttling.User", 400]]);
    await expect(faults.apply("GetRole")).resolves.toBeUndefined();
  });

  it("falls back to the * fault and defaults non-throttling codes to HTTP 500", async () => {
    const faults = new Faults({ random: () => 0 });
    faults.set({ operation: "*", errorRate: 1, errorCode: "InternalError" });
    await expect(faults.apply("DescribeService")).rejects.toMatchObject({ code: "InternalError", status: 500 });
    faults.clear();
    await expect(faults.apply("DescribeService")).resolves.toBeUndefined();
  });

  it("counts calls per operation until the stats are reset", () => {
    const faults = new Faults();
    faults.count("GetRole");
    faults.count("GetRole");
    faults.count("ListServices");
    expect(faults.stats()).toMatchObject({ total: 3, calls: { GetRole: 2, ListServices: 1 } });
    faults.resetStats();
    expect(faults.stats()).toMatchObject({ total: 0, calls: {} });
  });
});

it("treats only loopback peers as local", () => {
  expect(["127.0.0.1", "::1", "::ffff:127.0.0.1"].map(isLoopback)).toEqual([true, true, true]);
  expect(["10.0.0.5", "::ffff:192.168.1.2", undefined].map(isLoopback)).toEqual([false, false, false]);
});
