import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded emulator in demo mode", () => {
    const env = parseEnv({});
    expect(env.ROLESCOPE_CLOUD).toBe("emulator");
    expect(env.EMULATOR_ENDPOINT).toBe("127.0.0.1:4610");
    expect(env.ROLESCOPE_REGIONS).toEqual(["cn-hangzhou", "ap-southeast-1"]);
    expect(env.demo).toBe(true);
  });

  it("is not in demo mode against a real account unless asked", () => {
    expect(parseEnv({ ROLESCOPE_CLOUD: "aliyun" }).demo).toBe(false);
    expect(parseEnv({ ROLESCOPE_CLOUD: "aliyun", ROLESCOPE_DEMO: "true" }).demo).toBe(true);
  });

  it("names the variable and the rule when a setting is bad", () => {
    const bad = () => parseEnv({ EMULATOR_ENDPOINT: "http://127.0.0.1:4610", ROLESCOPE_REGIONS: "Hangzhou" });
    expect(bad).toThrow(EnvError);
    try {
      bad();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain("EMULATOR_ENDPOINT: must be host:port with no scheme");
      expect(msg).toContain("ROLESCOPE_REGIONS");
      expect(msg).toContain("each region must look like cn-hangzhou");
    }
  });

  it("says each rule in words, never in zod's", () => {
    expect(() => parseEnv({ ROLESCOPE_CACHE_TTL_MS: "-1" })).toThrow(/ROLESCOPE_CACHE_TTL_MS: must be at least 0/);
    expect(() => parseEnv({ ROLESCOPE_CLOUD: "aws" })).toThrow(/ROLESCOPE_CLOUD: must be one of emulator or aliyun/);
  });

  it("paces LookupEvents at ActionTrail's two calls a second unless told otherwise, within 0.1 to 50", () => {
    expect(parseEnv({}).ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND).toBe(2);
    expect(parseEnv({ ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND: "20" }).ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND).toBe(20);
    expect(() => parseEnv({ ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND: "0" })).toThrow(/ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND/);
  });

  it("rejects an unknown cloud mode", () => {
    expect(() => parseEnv({ ROLESCOPE_CLOUD: "aws" })).toThrow(/ROLESCOPE_CLOUD/);
  });

  it("chooses PostgreSQL only for a postgres:// URL, with pool settings in bounds", () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    const env = parseEnv({ DATABASE_URL: "postgresql://rs:p%40ss@db.internal:5432/rolescope?sslmode=require", DATABASE_POOL_MAX: "20" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://rs:p%40ss@db.internal:5432/rolescope?sslmode=require", DATABASE_POOL_MAX: 20, DATABASE_STATEMENT_TIMEOUT_MS: 30_000, ROLESCOPE_LEASE_SECONDS: 180 });
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://x", DATABASE_POOL_MAX: "1" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => parseEnv({ ROLESCOPE_LEASE_SECONDS: "1" })).toThrow(/ROLESCOPE_LEASE_SECONDS/);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DB_PATH: "" }).DB_PATH).toBe("data/rolescope.db");
  });

  it("takes an optional http(s) webhook URL for PassRole events, and names the rule for anything else", () => {
    expect(parseEnv({}).ROLESCOPE_WEBHOOK_URL).toBeUndefined();
    expect(parseEnv({}).ROLESCOPE_WEBHOOK_LOCALE).toBe("en");
    expect(parseEnv({ ROLESCOPE_WEBHOOK_LOCALE: "zh-CN" }).ROLESCOPE_WEBHOOK_LOCALE).toBe("zh-CN");
    expect(() => parseEnv({ ROLESCOPE_WEBHOOK_LOCALE: "fr" })).toThrow(/ROLESCOPE_WEBHOOK_LOCALE: must be one of en or zh-CN/);
    expect(parseEnv({ ROLESCOPE_WEBHOOK_URL: "https://hooks.example.com/rolescope" }).ROLESCOPE_WEBHOOK_URL).toBe("https://hooks.example.com/rolescope");
    expect(() => parseEnv({ ROLESCOPE_WEBHOOK_URL: "ftp://example.com/x" })).toThrow(/ROLESCOPE_WEBHOOK_URL: must be an http:\/\/ or https:\/\/ URL/);
    expect(() => parseEnv({ ROLESCOPE_WEBHOOK_URL: "not a url" })).toThrow(/ROLESCOPE_WEBHOOK_URL/);
  });

  it("takes the console's credentials from the emulator's key with the emulator, from the chain with a real account", () => {
    expect(parseEnv({}).ROLESCOPE_CREDENTIALS).toBe("emulator");
    expect(parseEnv({ ROLESCOPE_CLOUD: "aliyun" }).ROLESCOPE_CREDENTIALS).toBe("chain");
    expect(parseEnv({ ROLESCOPE_CREDENTIALS: "chain" }).ROLESCOPE_CREDENTIALS).toBe("chain");
    expect(parseEnv({}).ROLESCOPE_CREDENTIALS_FILE).toBe("/etc/ram/credentials");
    expect(() => parseEnv({ ROLESCOPE_CLOUD: "aliyun", ROLESCOPE_CREDENTIALS: "emulator" })).toThrow(/ROLESCOPE_CREDENTIALS: emulator works only with ROLESCOPE_CLOUD=emulator/);
    expect(() => parseEnv({ ROLESCOPE_CREDENTIALS: "default" })).toThrow(/ROLESCOPE_CREDENTIALS/);
    expect(() => parseEnv({ ROLESCOPE_CREDENTIALS_TIMEOUT_MS: "10" })).toThrow(/ROLESCOPE_CREDENTIALS_TIMEOUT_MS/);
  });
});
