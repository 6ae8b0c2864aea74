import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { lookupEvents } from "../../tests/support/cloud/actiontrail";
import { control, ramRpc } from "../../tests/support/cloud/clients";

const NOW = new Date("2026-12-07T12:00:00Z");
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, now: () => NOW });
});
afterAll(() => emu.close());
beforeEach(async () => {
  expect((await control(emu.url, "POST", "/_emulator/reset", { seed: "demo" })).status).toBe(200);
});

const ok = { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/x.bin", at: "2026-12-06T08:00:00Z" };
const post = (body: unknown) => control(emu.url, "POST", "/_emulator/activity", body);

describe("POST /_emulator/activity", () => {
  it("records the calls, counts and failures, and says how many are within the 90-day history", async () => {
    const r = await post({
      role: "eas-oss-reader",
      events: [
        { ...ok, count: 4 },
        { service: "odps", action: "odps:Select", resource: "acs:odps:*:projects/p/tables/t", at: "2026-12-07T11:59:59Z", errorCode: "NoPermission" },
        { ...ok, at: "2026-06-01T00:00:00Z" },
      ],
    });
    expect(r).toEqual({ status: 200, json: { ok: true, role: "eas-oss-reader", sessionName: "rolescope-activity", recorded: 6, inHistory: 5, historyDays: 90 } });
    const seen = await lookupEvents(emu.port, { LookupAttribute: [{ Key: "User", Value: "eas-oss-reader:rolescope-activity" }], MaxResults: "50" });
    expect(seen.Events.map((e) => [e.eventName, e.serviceName, e.eventTime, e.errorCode])).toEqual([
      ["Select", "Odps", "2026-12-07T11:59:59Z", "NoPermission"],
      ["GetObject", "Oss", "2026-12-06T08:00:00Z", undefined],
      ["GetObject", "Oss", "2026-12-06T07:59:23Z", undefined],
      ["GetObject", "Oss", "2026-12-06T07:58:46Z", undefined],
      ["GetObject", "Oss", "2026-12-06T07:58:09Z", undefined],
    ]);
  });

  it("names the field and its rule for every bad input", async () => {
    const cases: [unknown, string][] = [
      [{ events: [ok] }, "role: Invalid input: expected string, received undefined"],
      [{ role: "eas-oss-reader", events: [] }, "events: must hold at least one entry"],
      [{ role: "eas-oss-reader", events: [{ ...ok, service: "OSS" }] }, "events.0.service: must be a RAM action prefix in lower case, like oss, odps or cr"],
      [{ role: "eas-oss-reader", events: [{ ...ok, action: "get object" }] }, "events.0.action: must be an API name like GetObject, or service:GetObject"],
      [{ role: "eas-oss-reader", events: [{ ...ok, action: "odps:Select" }] }, "events.0.action: names the service odps, not oss"],
      [{ role: "eas-oss-reader", events: [{ ...ok, resource: "" }] }, "events.0.resource: must name the resource, like acs:oss:*:*:models/image-tagger/model.bin"],
      [{ role: "eas-oss-reader", events: [{ ...ok, at: "yesterday" }] }, "events.0.at: must be an ISO 8601 time, like 2026-12-01T08:00:00Z"],
      [{ role: "eas-oss-reader", events: [{ ...ok, at: "2026-12-07T12:00:01Z" }] }, "events.0.at: must not be later than the emulator's clock"],
      [{ role: "eas-oss-reader", events: [{ ...ok, at: "2025-10-01T00:00:00Z" }] }, "events.0.at: must be within the last 400 days"],
      [{ role: "eas-oss-reader", events: [{ ...ok, count: 0 }] }, "events.0.count: must be at least 1"],
      [{ role: "eas-oss-reader", events: [{ ...ok, count: 1.5 }] }, "events.0.count: must be a whole number"],
      [{ role: "eas-oss-reader", events: [{ ...ok, errorCode: "no such key" }] }, "events.0.errorCode: must be an error code like AccessDenied or NoSuchKey"],
      [{ role: "eas-oss-reader", events: [{ ...ok, colour: "red" }] }, 'events.0: Unrecognized key: "colour"'],
      [{ role: "eas-oss-reader", events: Array.from({ length: 21 }, () => ({ ...ok, count: 1000 })) }, "events: stand for 21000 calls; one request may report at most 20000"],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect([r.status, r.json.Code, r.json.Message], JSON.stringify(body).slice(0, 120)).toEqual([400, "InvalidParameter", message]);
    }
    const bad = await control(emu.url, "POST", "/_emulator/activity", undefined);
    expect([bad.status, bad.json.Message]).toEqual([400, "role: Invalid input: expected string, received undefined; events: Invalid input: expected array, received undefined"]);
  });

  it("refuses a role that does not exist with RAM's code, naming the field", async () => {
    const r = await post({ role: "nobody", events: [ok] });
    expect([r.status, r.json.Code, r.json.Message]).toEqual([404, "EntityNotExist.Role", "role: the role does not exist: nobody."]);
  });
});

describe("the demo seed's activity", () => {
  it("shows eas-restricted using a sliver of AliyunOSSFullAccess: reads under one prefix, nothing else", async () => {
    const seen = new Set<string>();
    for (const [from, to] of [
      [89, 60],
      [60, 30],
      [30, 0],
    ]) {
      let token: string | undefined;
      do {
        const r = await lookupEvents(emu.port, {
          StartTime: new Date(NOW.getTime() - from * 86_400_000).toISOString().replace(/\.000Z$/, "Z"),
          EndTime: new Date(NOW.getTime() - to * 86_400_000).toISOString().replace(/\.000Z$/, "Z"),
          LookupAttribute: [{ Key: "RoleName", Value: "eas-restricted" }],
          MaxResults: "50",
          ...(token ? { NextToken: token } : {}),
        });
        for (const e of r.Events) seen.add(`${String(e.serviceName).toLowerCase()}:${e.eventName} ${e.resourceName}`);
        token = r.NextToken;
      } while (token);
    }
    expect([...seen].sort()).toEqual(["oss:GetObject acs:oss:*:*:llm-prompts/summarizer/templates.json", "oss:ListObjects acs:oss:*:*:llm-prompts"]);
  });

  it("shows legacy-admin last used 120 days ago in the permission audit, and nowhere in the event history", async () => {
    const recent = await lookupEvents(emu.port, { LookupAttribute: [{ Key: "RoleName", Value: "legacy-admin" }] });
    expect(recent.Events).toEqual([]);
    const { JobId } = (await ramRpc(emu.port, "GenerateServiceLastAccessedDetails", { Arn: "acs:ram::1784200000000001:role/legacy-admin" })) as { JobId: string };
    await ramRpc(emu.port, "GetServiceLastAccessedDetails", { JobId });
    const report = (await ramRpc(emu.port, "GetServiceLastAccessedDetails", { JobId })) as { ServicesLastAccessed: { ServiceLastAccessed: { ServiceNamespace: string; LastAccessedTime?: string }[] } };
    const ram = report.ServicesLastAccessed.ServiceLastAccessed.find((s) => s.ServiceNamespace === "ram");
    const daysSince = (NOW.getTime() - Date.parse(String(ram?.LastAccessedTime))) / 86_400_000;
    expect(Math.round(daysSince)).toBe(120);
  });

  it("stays a few thousand events, under the per-account cap", async () => {
    const stats = (await control(emu.url, "GET", "/_emulator/activity")).json;
    expect(stats.events).toBeGreaterThan(1000);
    expect(stats.events).toBeLessThan(10_000);
    expect(stats).toMatchObject({ maxEvents: 50_000, historyDays: 90, lastAccessDays: 400 });
  });
});
