import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { EmulatorRegionsError, learnEmulatorRegions, regionPortsFrom } from "./emulator-ports";

const env = (regions: string) => parseEnv({ EMULATOR_ENDPOINT: "127.0.0.1:4610", ROLESCOPE_REGIONS: regions });

describe("the emulator's regions at start-up", () => {
  it("takes the region ports the emulator reports", () => {
    expect(regionPortsFrom(env("cn-beijing"), { regions: ["cn-beijing", "cn-hangzhou"], regionPorts: { "cn-beijing": 4611, "cn-hangzhou": 4612 } })).toEqual({ "cn-beijing": 4611, "cn-hangzhou": 4612 });
    expect(regionPortsFrom(env("cn-hangzhou"), { regions: ["cn-hangzhou", "ap-southeast-1"] })).toEqual({ "cn-hangzhou": 4611, "ap-southeast-1": 4612 });
  });

  it("refuses a configured region the emulator does not serve, saying how to fix it", () => {
    expect(() => regionPortsFrom(env("cn-hangzhou,cn-beijing"), { regions: ["cn-hangzhou", "ap-southeast-1"] })).toThrow(EmulatorRegionsError);
    expect(() => regionPortsFrom(env("cn-hangzhou,cn-beijing"), { regions: ["cn-hangzhou", "ap-southeast-1"] })).toThrow(
      /ROLESCOPE_REGIONS names cn-beijing, which the emulator at 127.0.0.1:4610 does not serve \(it serves: cn-hangzhou, ap-southeast-1\)\. Start the emulator with --regions cn-hangzhou,ap-southeast-1,cn-beijing/,
    );
  });

  it("takes a configured region named like an Object property (constructor) for one the emulator does not serve", () => {
    for (const region of ["constructor", "__proto__"])
      expect(() => regionPortsFrom({ EMULATOR_ENDPOINT: "127.0.0.1:4610", ROLESCOPE_REGIONS: [region] }, { regions: ["cn-hangzhou"] })).toThrow(EmulatorRegionsError);
  });

  it("asks the health endpoint, waiting while the emulator starts", async () => {
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      if (calls < 3) throw new Error("ECONNREFUSED");
      return Response.json({ status: "ok", regions: ["cn-hangzhou", "ap-southeast-1"] });
    }) as unknown as typeof fetch;
    expect(await learnEmulatorRegions(env("cn-hangzhou"), { delayMs: 1, fetchImpl })).toEqual({ "cn-hangzhou": 4611, "ap-southeast-1": 4612 });
    expect(calls).toBe(3);
    const down = (async () => {
      throw new Error("ECONNREFUSED");
    }) as unknown as typeof fetch;
    expect(await learnEmulatorRegions(env("cn-hangzhou"), { attempts: 2, delayMs: 1, fetchImpl: down })).toBeUndefined();
  });
});
