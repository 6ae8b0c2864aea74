import * as $Ram from "@alicloud/ram20150501";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../server";
import { control, ramClient, rejection } from "../../tests/support/cloud/clients";
import { ApiError } from "./contract";
import { faultSchema, Faults, seededRandom } from "./faults";
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

  it("expresses a fault mix: 20% of calls fail, half throttled (400) and half 5xx, latency uniform in 100–300 ms", () => {
    const faults = new Faults({ random: seededRandom(20261201) });
    faults.set(
      faultSchema.parse({
        operation: "*",
        latencyMs: 100,
        latencyMaxMs: 300,
        errorRate: 0.2,
        errors: [
          { code: "Throttling.User", httpStatus: 400, weight: 2 },
          { code: "ServiceUnavailable", weight: 1 },
          { code: "InternalError", weight: 1 },
        ],
      }),
    );
    const n = 20_000;
    const plans = Array.from({ length: n }, (_, i) => faults.plan(i % 2 ? "ListRoles" : "DescribeService"));
    const failed = plans.filter((p) => p.error);
    expect(failed.length / n).toBeGreaterThan(0.19);
    expect(failed.length / n).toBeLessThan(0.21);
    const share = (code: string) => failed.filter((p) => p.error?.code === code).length / failed.length;
    expect(share("Throttling.User")).toBeGreaterThan(0.47);
    expect(share("Throttling.User")).toBeLessThan(0.53);
    expect(share("ServiceUnavailable")).toBeGreaterThan(0.22);
    expect(share("InternalError")).toBeGreaterThan(0.22);
    expect(new Set(failed.map((p) => `${p.error?.code} ${p.error?.status}`))).toEqual(new Set(["Throttling.User 400", "ServiceUnavailable 503", "InternalError 500"]));
    const latencies = plans.map((p) => p.latencyMs);
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(300);
    expect(Math.min(...latencies)).toBeLessThan(102);
    expect(Math.max(...latencies)).toBeGreaterThan(298);
    const mean = latencies.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mean - 200)).toBeLessThan(3);
    // Uniform: each 50 ms band holds about a quarter of the calls.
    for (let lo = 100; lo < 300; lo += 50) {
      const band = latencies.filter((l) => l >= lo && l < lo + 50).length / n;
      expect(Math.abs(band - 0.25)).toBeLessThan(0.02);
    }
  });

  it("draws the same sequence for the same seed, and lets an operation's own fault override *", () => {
    const mix = { operation: "*", errorRate: 0.5, errors: [{ code: "Throttling.User" }, { code: "InternalError" }], seed: 7 };
    const run = () => {
      const f = new Faults();
      f.set(faultSchema.parse(mix));
      return Array.from({ length: 50 }, () => f.plan("GetRole").error?.code ?? "ok");
    };
    expect(run()).toEqual(run());
    expect(new Set(run())).toEqual(new Set(["ok", "Throttling.User", "InternalError"]));
    const f = new Faults();
    f.set(faultSchema.parse(mix));
    f.set(faultSchema.parse({ operation: "GetRole", latencyMs: 5 }));
    expect(f.plan("GetRole")).toEqual({ latencyMs: 5 });
    expect(f.list().map((x) => x.operation)).toEqual(["*", "GetRole"]);
  });

  it("refuses a latency range upside down, and errors given both ways", () => {
    expect(faultSchema.safeParse({ operation: "*", latencyMs: 300, latencyMaxMs: 100 }).success).toBe(false);
    expect(faultSchema.safeParse({ operation: "*", errorRate: 1, errorCode: "InternalError", errors: [{ code: "InternalError" }] }).success).toBe(false);
    expect(faultSchema.safeParse({ operation: "*", errorRate: 1, errors: [{ code: "InternalError", weight: 0 }] }).success).toBe(false);
    expect(faultSchema.safeParse({ operation: "*", latencyMaxMs: 50 }).success).toBe(true);
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

describe("faults through the control API", () => {
  it("takes a seeded mix for one operation, and the official SDK meets each error with its status", async () => {
    const emu = await createEmulator({ port: 0, seed: "demo" });
    try {
      const fault = { operation: "GetRole", errorRate: 1, latencyMs: 1, latencyMaxMs: 3, seed: 42, errors: [{ code: "Throttling.User", httpStatus: 400 }, { code: "ServiceUnavailable", httpStatus: 503 }] };
      expect((await control(emu.url, "PUT", "/_emulator/faults", fault)).status).toBe(200);
      expect((await control(emu.url, "GET", "/_emulator/faults")).json.faults).toEqual([{ ...fault, errors: fault.errors.map((e) => ({ ...e, weight: 1 })) }]);
      const seen = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const e = await rejection<{ code: string; statusCode: number }>(ramClient(emu.port).getRole(new $Ram.GetRoleRequest({ roleName: "data-pipeline" })));
        seen.add(`${e.code} ${e.statusCode}`);
      }
      expect(seen).toEqual(new Set(["Throttling.User 400", "ServiceUnavailable 503"]));
      expect((await ramClient(emu.port).listRoles(new $Ram.ListRolesRequest({}))).body?.roles?.role?.length).toBeGreaterThan(0);
      const bad = await control(emu.url, "PUT", "/_emulator/faults", { operation: "*", latencyMs: 300, latencyMaxMs: 100 });
      expect([bad.status, String(bad.json.Message)]).toEqual([400, "latencyMaxMs: must be at least latencyMs"]);
    } finally {
      await emu.close();
    }
  });
});
