import { describe, expect, it } from "vitest";
import { evaluate, MAX_ELEMENT_CHARS } from "../policy";
import type { Principal } from "../policy/types";
import { buildSimulation, parseContextLines, simulationSearch } from "./simulation";
import { readSimulationQuery, simulationQuerySchema } from "./simulation-query";

const role: Principal = { type: "RAMRole", account: "1234", name: "legacy-admin" };

describe("buildSimulation", () => {
  it("names each field that breaks a rule", () => {
    const r = buildSimulation({ action: "GetObject", resource: "bucket/x", ip: "999.1.1.1", time: "yesterday", ctx: "oss:Prefix=a\nnot a pair" }, role);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { field: "action", rule: "actionFormat" },
        { field: "resource", rule: "resourceFormat" },
        { field: "ip", rule: "ipFormat" },
        { field: "time", rule: "timeFormat" },
        { field: "ctx", rule: "ctxFormat", line: 2 },
      ]);
    }
    const empty = buildSimulation({}, role);
    expect(!empty.ok && empty.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(["action:required", "resource:required"]);
  });

  // Values past what a RAM policy can name are refused, naming the field.
  it("refuses an action or resource longer than RAM allows, and keeps them in the URL so it can say so", () => {
    const long = `acs:oss:*:*:${"a".repeat(MAX_ELEMENT_CHARS)}`;
    const r = buildSimulation(readSimulationQuery({ action: `oss:${"G".repeat(MAX_ELEMENT_CHARS)}`, resource: long }), role);
    expect(!r.ok && r.errors).toEqual([
      { field: "action", rule: "tooLong", max: 6_069 },
      { field: "resource", rule: "tooLong", max: 6_069 },
    ]);
    const fits = buildSimulation({ action: "oss:GetObject", resource: long.slice(0, MAX_ELEMENT_CHARS) }, role);
    expect(fits.ok).toBe(true);
  });

  it("builds a request whose context decides a time-bound statement", () => {
    const policy = {
      name: "temp-debug-access",
      document: { Version: "1" as const, Statement: [{ Effect: "Allow" as const, Action: ["oss:ListObjects"], Resource: ["*"], Condition: { DateLessThan: { "acs:CurrentTime": ["2025-01-01T00:00:00Z"] } } }] },
    };
    const run = (time?: string) => {
      const r = buildSimulation({ action: "oss:ListObjects", resource: "acs:oss:*:*:models", time }, role);
      if (!r.ok) throw new Error("invalid");
      return evaluate(r.request, [policy]);
    };
    expect(run("2024-06-01T00:00:00Z").decision).toBe("Allow");
    expect(run("2026-06-01T00:00:00Z").decision).toBe("ImplicitDeny");
    expect(run(undefined).missingContextKeys).toEqual(["acs:CurrentTime"]);
  });

  it("carries booleans and custom keys into the context", () => {
    const r = buildSimulation({ action: "oss:GetObject", resource: "*", secure: "false", mfa: "true", ip: "10.0.0.1", ctx: "acs:ResourceTag/team = ml\n\n" }, role);
    expect(r.ok && r.request.context).toEqual({ "acs:ResourceTag/team": "ml", "acs:SourceIp": "10.0.0.1", "acs:SecureTransport": false, "acs:MFAPresent": true });
  });
});

describe("the simulation in the URL", () => {
  it("round-trips through the query string and drops what the URL cannot hold", () => {
    const input = { action: "oss:GetObject", resource: "acs:oss:*:*:images/cat.jpg", mfa: "true" as const };
    const back = simulationQuerySchema.parse(Object.fromEntries(new URLSearchParams(simulationSearch(input))));
    expect(back).toEqual(input);
    expect(simulationQuerySchema.parse({ ip: "x".repeat(300), secure: "maybe" })).toEqual({ ip: undefined, secure: undefined });
    expect(readSimulationQuery({ action: ["oss:GetObject", "oss:PutObject"], mfa: "yes", resource: "*" })).toEqual({ action: "oss:GetObject", resource: "*" });
  });

  it("parses context lines", () => {
    expect(parseContextLines("a:b=1\n c:d = x=y ")).toEqual({ entries: [["a:b", "1"], ["c:d", "x=y"]] });
  });
});
