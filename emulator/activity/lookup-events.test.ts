import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { lookupEvents, type LookupEventsInput } from "../../tests/support/cloud/actiontrail";
import { control, ramClient, rejection } from "../../tests/support/cloud/clients";

const NOW = new Date("2026-12-07T12:00:00Z");
const UID = "1784200000000001";
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "empty", deployDelayMs: 0, now: () => NOW });
});
afterAll(() => emu.close());

const daysAgo = (d: number, h = 0) => new Date(NOW.getTime() - d * 86_400_000 - h * 3_600_000).toISOString().replace(/\.000Z$/, "Z");

async function report(role: string, events: Record<string, unknown>[]) {
  const r = await control(emu.url, "POST", "/_emulator/activity", { role, events });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

/** The error as the SDK raises it; `message` is the body's Message (the SDK's own message wraps it). */
async function lookupError(input: LookupEventsInput, port = emu.port): Promise<{ code: string; statusCode: number; message: string; hostId: string }> {
  const e = await rejection<{ code: string; statusCode: number; data: { Message: string; HostId: string } }>(lookupEvents(port, input));
  return { code: e.code, statusCode: e.statusCode, message: e.data.Message, hostId: e.data.HostId };
}

beforeEach(async () => {
  expect((await control(emu.url, "POST", "/_emulator/reset", { seed: "empty" })).status).toBe(200);
  const ram = ramClient(emu.port);
  for (const name of ["model-reader", "feature-job"]) {
    await ram.createRole(new $Ram.CreateRoleRequest({ roleName: name, assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] }) }));
  }
  await report("model-reader", [
    { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/a/model.bin", at: daysAgo(1), count: 3 },
    { service: "oss", action: "ListObjects", resource: "acs:oss:*:*:models", at: daysAgo(2) },
    { service: "oss", action: "oss:PutObject", resource: "acs:oss:*:*:models/a/out.bin", at: daysAgo(3), errorCode: "AccessDenied" },
    { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/a/model.bin", at: daysAgo(20) },
    { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/a/model.bin", at: daysAgo(60) },
  ]);
  await report("feature-job", [{ service: "odps", action: "Select", resource: "acs:odps:*:projects/p/tables/t", at: daysAgo(1, 2), count: 2 }]);
});

describe("LookupEvents answer", () => {
  it("answers the last 7 days by default, newest first, each event a role session's record", async () => {
    const r = await lookupEvents(emu.port, {});
    expect([r.StartTime, r.EndTime]).toEqual([daysAgo(7), daysAgo(0)]);
    expect(r.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(r.NextToken).toBeUndefined();
    const names = r.Events.map((e) => `${(e.userIdentity as { userName: string }).userName} ${e.eventName}`);
    expect(names).toEqual([
      "model-reader:rolescope-activity GetObject",
      "model-reader:rolescope-activity GetObject",
      "model-reader:rolescope-activity GetObject",
      "feature-job:rolescope-activity Select",
      "feature-job:rolescope-activity Select",
      "model-reader:rolescope-activity ListObjects",
      "model-reader:rolescope-activity PutObject",
    ]);
    const times = r.Events.map((e) => Date.parse(String(e.eventTime)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const put = r.Events.find((e) => e.eventName === "PutObject");
    expect(put).toMatchObject({
      eventType: "ApiCall",
      eventRW: "Write",
      serviceName: "Oss",
      acsRegion: "cn-hangzhou",
      resourceName: "acs:oss:*:*:models/a/out.bin",
      resourceType: "ACS::OSS::Object",
      errorCode: "AccessDenied",
      eventTime: daysAgo(3),
      userIdentity: { type: "assumed-role", accountId: UID, userName: "model-reader:rolescope-activity" },
    });
    expect((put?.userIdentity as { principalId: string }).principalId).toMatch(/^\d+:rolescope-activity$/);
  });

  it("spreads a count into that many calls ending at `at`, 37 seconds apart", async () => {
    const r = await lookupEvents(emu.port, { LookupAttribute: [{ Key: "EventName", Value: "GetObject" }], StartTime: daysAgo(2), EndTime: daysAgo(0) });
    expect(r.Events.map((e) => e.eventTime)).toEqual([0, 37, 74].map((s) => new Date(Date.parse(daysAgo(1)) - s * 1000).toISOString().replace(/\.000Z$/, "Z")));
  });
});

describe("LookupEvents filters", () => {
  const over = { StartTime: daysAgo(30), EndTime: daysAgo(0) };
  const names = async (attrs: { Key: string; Value: string }[]) => (await lookupEvents(emu.port, { ...over, MaxResults: "50", LookupAttribute: attrs })).Events.map((e) => `${e.eventName}@${e.eventTime}`);

  it("filters by EventName, ResourceName, EventRW, RoleName and ServiceName, exactly and case-sensitively", async () => {
    expect(await names([{ Key: "EventName", Value: "ListObjects" }])).toEqual([`ListObjects@${daysAgo(2)}`]);
    expect(await names([{ Key: "EventName", Value: "listobjects" }])).toEqual([]);
    expect((await names([{ Key: "ResourceName", Value: "acs:oss:*:*:models/a/model.bin" }])).length).toBe(4);
    expect((await names([{ Key: "EventRW", Value: "Write" }])).map((n) => n.split("@")[0])).toEqual(["PutObject"]);
    expect((await names([{ Key: "RoleName", Value: "feature-job" }])).length).toBe(2);
    expect((await names([{ Key: "ServiceName", Value: "Odps" }])).length).toBe(2);
  });

  it("combines two documented keys (both must hold) and keeps the second of a key given twice", async () => {
    expect((await names([{ Key: "ServiceName", Value: "Oss" }, { Key: "RoleName", Value: "model-reader" }])).length).toBe(6);
    expect((await names([{ Key: "ServiceName", Value: "Oss" }, { Key: "RoleName", Value: "feature-job" }])).length).toBe(0);
    expect(await names([{ Key: "EventName", Value: "GetObject" }, { Key: "EventName", Value: "ListObjects" }])).toEqual([`ListObjects@${daysAgo(2)}`]);
  });

  it("refuses a pair the reference does not allow, an unknown key and an empty value, naming the item", async () => {
    const pair = await lookupError({ LookupAttribute: [{ Key: "EventName", Value: "GetObject" }, { Key: "RoleName", Value: "model-reader" }] });
    expect([pair.code, pair.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(pair.message).toContain("LookupAttribute cannot combine EventName with RoleName");
    const key = await lookupError({ LookupAttribute: [{ Key: "Colour", Value: "red" }] });
    expect(key.message).toContain("LookupAttribute.1.Key must be one of ServiceName");
    const value = await lookupError({ LookupAttribute: [{ Key: "EventName", Value: "" }] });
    expect(value.message).toContain("LookupAttribute.1.Value is required for the key EventName");
  });
});

describe("LookupEvents paging", () => {
  beforeEach(async () => {
    await report("feature-job", [{ service: "odps", action: "Describe", resource: "acs:odps:*:projects/p/tables/t", at: daysAgo(4), count: 23 }]);
  });
  const attrs = [{ Key: "RoleName", Value: "feature-job" }];

  it("pages BACKWARD through every event once with NextToken, and FORWARD in the other order", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await lookupEvents(emu.port, { MaxResults: "10", LookupAttribute: attrs, ...(token ? { NextToken: token } : {}) });
      expect(r.Events.length).toBeLessThanOrEqual(10);
      seen.push(...r.Events.map((e) => String(e.eventId)));
      token = r.NextToken;
      pages++;
    } while (token);
    expect([pages, seen.length, new Set(seen).size]).toEqual([3, 25, 25]);
    const forward = await lookupEvents(emu.port, { MaxResults: "50", Direction: "FORWARD", LookupAttribute: attrs });
    expect(forward.Events.map((e) => String(e.eventId))).toEqual([...seen].reverse());
  });

  it("refuses a NextToken used with other parameters, or one it never returned", async () => {
    const first = await lookupEvents(emu.port, { MaxResults: "10", LookupAttribute: attrs });
    expect(first.NextToken).toBeTruthy();
    const other = await lookupError({ MaxResults: "10", NextToken: first.NextToken });
    expect([other.code, other.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(other.message).toContain("NextToken was returned for other parameters");
    const forged = await lookupError({ MaxResults: "10", LookupAttribute: attrs, NextToken: "bm90LWEtdG9rZW4" });
    expect(forged.message).toBe("NextToken is not a token LookupEvents returned.");
  });

  it("takes MaxResults from 1 to 50 only", async () => {
    expect((await lookupEvents(emu.port, { MaxResults: "1" })).Events.length).toBe(1);
    for (const bad of ["0", "51", "ten"]) {
      const e = await lookupError({ MaxResults: bad });
      expect([e.code, e.message]).toEqual(["InvalidParameter", `MaxResults must be a whole number from 1 to 50: ${bad}.`]);
    }
  });
});

describe("LookupEvents time limits", () => {
  it("looks back 90 days at most, 30 days per query", async () => {
    expect((await lookupEvents(emu.port, { StartTime: daysAgo(89), EndTime: daysAgo(59), LookupAttribute: [{ Key: "RoleName", Value: "model-reader" }] })).Events.map((e) => e.eventTime)).toEqual([daysAgo(60)]);
    const old = await lookupError({ StartTime: daysAgo(91), EndTime: daysAgo(80) });
    expect([old.code, old.statusCode]).toEqual(["InvalidParameter", 400]);
    expect(old.message).toContain("StartTime must be within the last 90 days");
    const wide = await lookupError({ StartTime: daysAgo(40), EndTime: daysAgo(5) });
    expect(wide.message).toContain("StartTime and EndTime must be at most 30 days apart");
  });

  it("wants both times or neither, in yyyy-MM-ddTHH:mm:ssZ, the start not after the end", async () => {
    expect((await lookupError({ StartTime: daysAgo(3) })).message).toBe("StartTime and EndTime must be given together, or neither (the last 7 days).");
    expect((await lookupError({ StartTime: "2026-12-01 08:00:00", EndTime: daysAgo(0) })).message).toBe("StartTime must be a UTC time in the format yyyy-MM-ddTHH:mm:ssZ: 2026-12-01 08:00:00.");
    expect((await lookupError({ StartTime: daysAgo(1), EndTime: daysAgo(2) })).message).toContain("StartTime must not be later than EndTime");
    expect((await lookupError({ Direction: "SIDEWAYS" })).message).toBe("Direction must be FORWARD or BACKWARD: SIDEWAYS.");
  });

  it("clamps an EndTime in the future to the emulator's clock", async () => {
    const r = await lookupEvents(emu.port, { StartTime: daysAgo(2), EndTime: "2027-01-01T00:00:00Z" });
    expect(r.EndTime).toBe(daysAgo(0));
  });
});

describe("LookupEvents endpoint", () => {
  it("answers on each region's port (actiontrail.{region}.aliyuncs.com) with that region's events; errors name the regional host", async () => {
    const other = emu.regionPorts["ap-southeast-1"];
    expect((await lookupEvents(emu.regionPorts["cn-hangzhou"], {})).Events.length).toBe(7);
    expect((await lookupEvents(other, {})).Events.length).toBe(0);
    expect((await lookupError({ MaxResults: "0" }, other)).hostId).toBe("actiontrail.ap-southeast-1.aliyuncs.com");
  });
});
