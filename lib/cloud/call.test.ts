import { describe, expect, it } from "vitest";
import { callWithRetry, DEFAULT_RETRY, toCloudError } from "./call";
import { fromCloudError } from "../errors/from";
import { CloudError } from "./types";

const throttled = (retryAfter?: number) => Object.assign(new Error("Throttling.User: flow control"), { name: "ThrottlingError", code: "Throttling.User", statusCode: 400, retryAfter, requestId: "R1" });
const serverFault = () => Object.assign(new Error("InternalError"), { code: "InternalError", statusCode: 500 });
const clientError = () => Object.assign(new Error("EntityNotExist.Role"), { code: "EntityNotExist.Role", statusCode: 404 });

/** A call that fails `failures` times with `make()`, then answers. */
function flaky(failures: number, make: () => Error) {
  let calls = 0;
  const fn = async () => {
    calls++;
    if (calls <= failures) throw make();
    return "ok";
  };
  return { fn, calls: () => calls };
}

const noWait = { ...DEFAULT_RETRY, baseDelayMs: 0, maxDelayMs: 0 };

describe("cloud call retries", () => {
  it("retries throttling and server faults up to the budgeted attempts", async () => {
    const f = flaky(DEFAULT_RETRY.retries, () => (Math.random() < 0.5 ? throttled() : serverFault()));
    await expect(callWithRetry(f.fn, noWait)).resolves.toBe("ok");
    expect(f.calls()).toBe(DEFAULT_RETRY.retries + 1);
    const g = flaky(DEFAULT_RETRY.retries + 1, serverFault);
    await expect(callWithRetry(g.fn, noWait)).rejects.toMatchObject({ code: "InternalError", httpStatus: 500 });
  });

  it("never retries a client error", async () => {
    const f = flaky(1, clientError);
    await expect(callWithRetry(f.fn, noWait)).rejects.toBeInstanceOf(CloudError);
    expect(f.calls()).toBe(1);
  });

  // With the former three retries, about 8 of these 5,000 calls failed.
  it("cures a cloud that fails one call in five: 5,000 calls, none lost", async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let lost = 0;
    for (let i = 0; i < 5_000; i++) {
      const fn = async () => {
        if (random() < 0.2) throw random() < 0.5 ? throttled() : serverFault();
        return "ok";
      };
      await callWithRetry(fn, noWait).catch(() => lost++);
    }
    expect(lost).toBe(0);
  });

  it("waits what the cloud asked, and gives up at once when that is past the budget", async () => {
    const f = flaky(1, () => throttled(40));
    const started = Date.now();
    await expect(callWithRetry(f.fn, DEFAULT_RETRY, () => 0)).resolves.toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);

    const long = flaky(1, () => throttled(60_000));
    await expect(callWithRetry(long.fn, DEFAULT_RETRY)).rejects.toMatchObject({ code: "Throttling.User", retryAfterMs: 60_000 });
    expect(long.calls()).toBe(1);
  });

  it("starts no retry once the time budget is spent", async () => {
    let clock = 0;
    const f = flaky(10, () => {
      clock += 3_000;
      return serverFault();
    });
    await expect(callWithRetry(f.fn, { ...noWait, budgetMs: 8_000 }, Math.random, () => clock)).rejects.toMatchObject({ code: "InternalError" });
    expect(f.calls()).toBe(3);
  });

  it("keeps the cloud's code, RequestId and retry-after", () => {
    expect(toCloudError(throttled(1500)).toJSON()).toEqual({ code: "Throttling.User", message: "Throttling.User: flow control", requestId: "R1", httpStatus: 400, retryAfterMs: 1500 });
    expect(toCloudError(serverFault()).retryAfterMs).toBeUndefined();
  });
});

describe("throttling as the browser gets it", () => {
  it("is a 429 whose Retry-After is the cloud's own wait, in whole seconds, or 2 s when it gave none", () => {
    const withWait = fromCloudError(toCloudError(throttled(5_500)));
    expect([withWait.code, withWait.status, withWait.retryAfter]).toEqual(["cloud_throttled", 429, 6]);
    expect(fromCloudError(toCloudError(throttled())).retryAfter).toBe(2);
  });
});
