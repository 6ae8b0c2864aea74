import * as $Ram from "@alicloud/ram20150501";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildPassRolePolicy } from "../../lib/policy";
import type { PolicyDocument } from "../../lib/policy/types";
import { DEMO_KEYS } from "../seed/demo-keys";
import { createEmulator, type RunningEmulator } from "../server";
import { control, easGateway, ramClient, ramGateway, rejection, stsClient, type KeyPair } from "../../tests/support/cloud/clients";

const HZ = "cn-hangzhou";
const UID = "1784200000000001";
const DAY = 86_400;
const bob: KeyPair = { accessKeyId: DEMO_KEYS.bob.id, accessKeySecret: DEMO_KEYS.bob.secret };

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20 });
});
afterAll(() => emu.close());
afterEach(() => control(emu.url, "POST", "/_emulator/clock", { reset: true }));

const clock = async () => (await control(emu.url, "GET", "/_emulator/clock")).json as { now: string; offsetSeconds: number };
const move = (body: unknown) => control(emu.url, "POST", "/_emulator/clock", body);
const settle = () => control(emu.url, "POST", "/_emulator/settle");

describe("the control API moves one clock", () => {
  it("answers now and the offset, advances, sets, resets, and refuses bad bodies", async () => {
    const start = await clock();
    expect(start.offsetSeconds).toBe(0);
    expect(Math.abs(Date.parse(start.now) - Date.now())).toBeLessThan(2000);
    const moved = await move({ advanceSeconds: 2 * DAY });
    expect(moved.status).toBe(200);
    expect(moved.json.offsetSeconds).toBe(2 * DAY);
    expect(Date.parse(String(moved.json.now)) - Date.now()).toBeGreaterThan(2 * DAY * 1000 - 2000);
    const set = await move({ set: "2031-06-01T08:00:00+08:00" });
    expect(Math.abs(Date.parse(String(set.json.now)) - Date.parse("2031-06-01T00:00:00Z"))).toBeLessThan(2000);
    expect((await move({ reset: true })).json.offsetSeconds).toBe(0);
    for (const bad of [{}, { advanceSeconds: "x" }, { set: "tomorrow" }, { reset: false }, { advanceSeconds: 1, reset: true }]) {
      const r = await move(bad);
      expect([r.status, r.json.Code]).toEqual([400, "InvalidParameter"]);
    }
  });

  it("a reset of the emulator brings back real time", async () => {
    await move({ advanceSeconds: 30 * DAY });
    await control(emu.url, "POST", "/_emulator/reset", { seed: "demo" });
    expect((await clock()).offsetSeconds).toBe(0);
  });
});

describe("every time the emulator reads goes through the clock", () => {
  it("PassRole with DateLessThan acs:CurrentTime: bob deploys now, and is refused two days later", async () => {
    const until = new Date(Date.now() + DAY * 1000).toISOString().replace(/\.\d+Z$/, "Z");
    const grant = buildPassRolePolicy("eas-restricted") as PolicyDocument;
    const timed: PolicyDocument = { ...grant, Statement: grant.Statement.map((s) => ({ ...s, Condition: { DateLessThan: { "acs:CurrentTime": [until] } } })) };
    const ram = ramGateway(emu.port);
    await ram.createPolicy({ policyName: "PassRole-eas-restricted-1d", policyDocument: JSON.stringify(timed) });
    await ram.attachPolicyToUser({ policyName: "PassRole-eas-restricted-1d", policyType: "Custom", userName: "bob" });

    const eas = easGateway(emu, bob);
    const config = { name: "timed-grant", metadata: { instance: 1, cpu: 2, memory: 4000 }, options: { enable_ram_role: true }, role_arn: `acs:ram::${UID}:role/eas-restricted` };
    await eas.createService(HZ, JSON.stringify(config));
    await settle();
    expect((await eas.describeService(HZ, "timed-grant")).status).toBe("Running");

    await move({ advanceSeconds: 2 * DAY });
    await eas.updateService(HZ, "timed-grant", JSON.stringify({ metadata: { instance: 2 } }));
    await settle();
    const svc = await eas.describeService(HZ, "timed-grant");
    expect(svc.status).toBe("Failed");
    expect(svc.message).toContain("failed to pass role");
    // The failure's events carry the moved time.
    const events = await eas.describeServiceEvents(HZ, "timed-grant", { eventType: "Warning" });
    expect(Date.parse(`${events.items[0].time.replace(" ", "T")}Z`) - Date.now()).toBeGreaterThan(2 * DAY * 1000 - 60_000);
    expect(Date.parse(svc.updateTime) - Date.now()).toBeGreaterThan(2 * DAY * 1000 - 60_000);

    // The same grant in a RAM decision: GetRole is not PassRole, so bob's read access is untouched.
    expect((await ramClient(emu.port, bob).getRole(new $Ram.GetRoleRequest({ roleName: "eas-restricted" }))).body?.role?.roleName).toBe("eas-restricted");
  });

  it("STS tokens expire by the clock, and the credentials endpoint dates from it", async () => {
    // alice holds AliyunSTSAssumeRoleAccess: the account's root key may not assume a role.
    const alice: KeyPair = { accessKeyId: DEMO_KEYS.alice.id, accessKeySecret: DEMO_KEYS.alice.secret };
    const creds = await stsClient(emu.port, alice).assumeRole({ roleArn: `acs:ram::${UID}:role/data-pipeline`, roleSessionName: "clocked", durationSeconds: 900 });
    const session: KeyPair = { ...creds.credentials };
    expect((await stsClient(emu.port, session).getCallerIdentity()).identityType).toBe("AssumedRoleUser");
    await move({ advanceSeconds: 901 });
    const e = await rejection<{ code: string }>(stsClient(emu.port, session).getCallerIdentity());
    expect(e.code).toBe("InvalidSecurityToken.Expired");

    await move({ set: "2030-01-01T00:00:00Z" });
    const body = (await (await fetch(`${emu.url}/credentials/eas-oss-reader`)).json()) as { Expiration: string; LastUpdated: string };
    expect(body.LastUpdated.slice(0, 16)).toBe("2030-01-01T00:00");
    expect(body.Expiration.slice(0, 13)).toBe("2030-01-01T01");
  });

  it("acs:CurrentTime in a RAM decision: an Allow that ended yesterday grants nothing", async () => {
    const ram = ramGateway(emu.port);
    const endsSoon = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
    const doc = { Version: "1", Statement: [{ Effect: "Allow", Action: "ram:CreateRole", Resource: "*", Condition: { DateLessThan: { "acs:CurrentTime": endsSoon } } }] };
    await ram.createPolicy({ policyName: "create-role-for-an-hour", policyDocument: JSON.stringify(doc) });
    await ram.attachPolicyToUser({ policyName: "create-role-for-an-hour", policyType: "Custom", userName: "bob" });
    const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });
    const create = (roleName: string) => ramClient(emu.port, bob).createRole(new $Ram.CreateRoleRequest({ roleName, assumeRolePolicyDocument: trust }));
    expect((await create("within-the-hour")).body?.role?.roleName).toBe("within-the-hour");
    await move({ advanceSeconds: DAY });
    expect((await rejection<{ code: string }>(create("a-day-later"))).code).toBe("NoPermission");
  });
});
