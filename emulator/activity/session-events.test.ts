import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_KEYS } from "../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../server";
import { lookupEvents } from "../../tests/support/cloud/actiontrail";
import { control, easCall, ramClient, rejection, stsClient, type KeyPair } from "../../tests/support/cloud/clients";

const UID = "1784200000000001";
const NOW = new Date("2026-12-07T12:00:00Z");
const alice: KeyPair = { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret };
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, now: () => NOW });
});
afterAll(() => emu.close());
beforeEach(async () => {
  expect((await control(emu.url, "POST", "/_emulator/reset", { seed: "demo" })).status).toBe(200);
});

async function session(role: string, name: string): Promise<KeyPair> {
  const r = await stsClient(emu.port, alice).assumeRole({ roleArn: `acs:ram::${UID}:role/${role}`, roleSessionName: name });
  return { accessKeyId: r.credentials.accessKeyId, accessKeySecret: r.credentials.accessKeySecret, securityToken: r.credentials.securityToken };
}

const sessionEvents = async (user: string) =>
  (await lookupEvents(emu.port, { LookupAttribute: [{ Key: "User", Value: user }], MaxResults: "50" })).Events.map((e) => ({
    name: e.eventName,
    service: e.serviceName,
    time: e.eventTime,
    resource: e.resourceName,
    error: e.errorCode,
    type: (e.userIdentity as { type: string }).type,
    key: (e.userIdentity as { accessKeyId: string }).accessKeyId,
  }));

describe("a role's STS session", () => {
  it("makes an event of every call it signs, with the role, the session and the emulator's clock", async () => {
    const key = await session("data-pipeline", "nightly-scoring");
    await ramClient(emu.port, key).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" })).catch(() => undefined);
    const pastNoon = await control(emu.url, "POST", "/_emulator/clock", { advanceSeconds: 1800 });
    expect(pastNoon.status).toBe(200);
    await rejection(ramClient(emu.port, key).deleteRole(new $Ram.DeleteRoleRequest({ roleName: "eas-oss-reader" })));
    await easCall(emu.regionPorts["cn-hangzhou"], { action: "ListServices", method: "GET", pathname: "/api/v2/services" }, key).catch(() => undefined);

    const events = await sessionEvents("data-pipeline:nightly-scoring");
    expect(events).toEqual([
      { name: "ListServices", service: "Eas", time: "2026-12-07T12:30:00Z", resource: `acs:eas:cn-hangzhou:${UID}:service/*`, error: "NoPermission", type: "assumed-role", key: key.accessKeyId },
      { name: "DeleteRole", service: "Ram", time: "2026-12-07T12:30:00Z", resource: `acs:ram:*:${UID}:role/eas-oss-reader`, error: "NoPermission", type: "assumed-role", key: key.accessKeyId },
      { name: "GetRole", service: "Ram", time: "2026-12-07T12:00:00Z", resource: `acs:ram:*:${UID}:role/eas-oss-reader`, error: "NoPermission", type: "assumed-role", key: key.accessKeyId },
    ]);
  });

  it("records a session's successful calls without an error code, and the AssumeRole of a user as nobody's session event", async () => {
    const key = await session("legacy-admin", "break-glass");
    const listed = await ramClient(emu.port, key).listRoles(new $Ram.ListRolesRequest({}));
    expect(listed.body?.roles?.role?.length).toBeGreaterThan(0);
    expect(await sessionEvents("legacy-admin:break-glass")).toEqual([
      { name: "ListRoles", service: "Ram", time: "2026-12-07T12:00:00Z", resource: "*", error: undefined, type: "assumed-role", key: key.accessKeyId },
    ]);
    const assumeRoles = await lookupEvents(emu.port, { LookupAttribute: [{ Key: "EventName", Value: "AssumeRole" }] });
    expect(assumeRoles.Events).toEqual([]);
  });

  it("does not record calls signed with the account's or a RAM user's AccessKey", async () => {
    const before = (await control(emu.url, "GET", "/_emulator/activity")).json.events;
    await ramClient(emu.port).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" }));
    await ramClient(emu.port, alice).getRole(new $Ram.GetRoleRequest({ roleName: "eas-oss-reader" }));
    expect((await control(emu.url, "GET", "/_emulator/activity")).json.events).toBe(before);
  });

  it("makes the credentials endpoint's hand-out an AssumeRole event of the role's session eas-instance", async () => {
    const res = await fetch(`${emu.url}/credentials/eas-oss-reader`);
    const creds = (await res.json()) as { AccessKeyId: string };
    expect(res.status).toBe(200);
    const events = await sessionEvents("eas-oss-reader:eas-instance");
    expect(events[0]).toEqual({ name: "AssumeRole", service: "Sts", time: "2026-12-07T12:00:00Z", resource: `acs:ram::${UID}:role/eas-oss-reader`, error: undefined, type: "assumed-role", key: creds.AccessKeyId });
  });
});

describe("LookupEvents access", () => {
  it("needs actiontrail:LookupEvents: a role session without it is refused with NoPermission, and that refusal is itself an event", async () => {
    const key = await session("data-pipeline", "curious");
    const e = await rejection<{ code: string; statusCode: number }>(lookupEvents(emu.port, {}, key));
    expect([e.code, e.statusCode]).toEqual(["NoPermission", 403]);
    expect((await sessionEvents("data-pipeline:curious")).map((x) => [x.name, x.service, x.error])).toEqual([["LookupEvents", "Actiontrail", "NoPermission"]]);
  });
});
