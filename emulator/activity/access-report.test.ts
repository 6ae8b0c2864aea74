import * as $Ram from "@alicloud/ram20150501";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../server";
import { control, ramClient, ramRpc, rejection } from "../../tests/support/cloud/clients";

const UID = "1784200000000001";
const NOW = new Date("2026-12-07T12:00:00Z");
const arn = (role: string) => `acs:ram::${UID}:role/${role}`;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString().replace(/\.000Z$/, "Z");
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "empty", deployDelayMs: 0, now: () => NOW });
});
afterAll(() => emu.close());

const trust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });

beforeEach(async () => {
  expect((await control(emu.url, "POST", "/_emulator/reset", { seed: "empty" })).status).toBe(200);
  const ram = ramClient(emu.port);
  await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "model-reader", assumeRolePolicyDocument: trust }));
  for (const p of ["AliyunOSSFullAccess", "AliyunMaxComputeReadOnlyAccess"]) {
    await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyType: "System", policyName: p, roleName: "model-reader" }));
  }
  const r = await control(emu.url, "POST", "/_emulator/activity", {
    role: "model-reader",
    events: [
      { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/a/model.bin", at: daysAgo(3) },
      { service: "oss", action: "GetObject", resource: "acs:oss:*:*:models/a/model.bin", at: daysAgo(10) },
      { service: "cr", action: "GetRepository", resource: "acs:cr:*:*:repository/ml/serving", at: daysAgo(120) },
    ],
  });
  expect(r.status).toBe(200);
});

const generate = async (q: Record<string, string>) => (await ramRpc(emu.port, "GenerateServiceLastAccessedDetails", q)) as { JobId: string; RequestId: string };
const get = async (q: Record<string, string>) => ramRpc(emu.port, "GetServiceLastAccessedDetails", q) as Promise<Record<string, unknown> & { ServicesLastAccessed: { ServiceLastAccessed: Record<string, unknown>[] } }>;
async function ramError(action: string, q: Record<string, string>) {
  const e = await rejection<{ code: string; statusCode: number; data: { Message: string } }>(ramRpc(emu.port, action, q));
  return [e.statusCode, e.code, e.data.Message];
}

describe("GenerateServiceLastAccessedDetails and GetServiceLastAccessedDetails", () => {
  it("runs a job: IN_PROGRESS on the first read, then COMPLETED with every granted or used service and its last access", async () => {
    const { JobId } = await generate({ Arn: arn("model-reader") });
    expect(JobId).toMatch(/^[0-9a-f-]{36}$/);
    const first = await get({ JobId });
    expect(first).toMatchObject({ JobId, JobStatus: "IN_PROGRESS", JobType: "SERVICE_LEVEL", Arn: arn("model-reader"), JobCreationDate: daysAgo(0), IsTruncated: false });
    expect(first.JobCompletionDate).toBeUndefined();
    expect(first.ServicesLastAccessed.ServiceLastAccessed).toEqual([]);

    const done = await get({ JobId });
    expect(done).toMatchObject({ JobStatus: "COMPLETED", JobCompletionDate: daysAgo(0), IsTruncated: false });
    expect(done.ServicesLastAccessed.ServiceLastAccessed).toEqual([
      // Used 120 days ago: past the 90 days of event history, still in the report.
      { ServiceNamespace: "cr", ServiceName: "Container Registry", LastAccessedTime: daysAgo(120), LastAccessedRegion: "cn-hangzhou", LastAccessedEntity: arn("model-reader") },
      { ServiceNamespace: "odps", ServiceName: "MaxCompute" },
      { ServiceNamespace: "oss", ServiceName: "Object Storage Service", LastAccessedTime: daysAgo(3), LastAccessedRegion: "cn-hangzhou", LastAccessedEntity: arn("model-reader") },
    ]);
  });

  it("completes a job nobody read once 2 seconds have passed on the emulator's clock", async () => {
    const { JobId } = await generate({ Arn: arn("model-reader") });
    await control(emu.url, "POST", "/_emulator/clock", { advanceSeconds: 2 });
    expect((await get({ JobId })).JobStatus).toBe("COMPLETED");
  });

  it("fails a job whose role was deleted before it finished", async () => {
    const { JobId } = await generate({ Arn: arn("model-reader") });
    const ram = ramClient(emu.port);
    for (const p of ["AliyunOSSFullAccess", "AliyunMaxComputeReadOnlyAccess"]) {
      await ram.detachPolicyFromRole(new $Ram.DetachPolicyFromRoleRequest({ policyType: "System", policyName: p, roleName: "model-reader" }));
    }
    await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "model-reader" }));
    await control(emu.url, "POST", "/_emulator/clock", { advanceSeconds: 5 });
    const failed = await get({ JobId });
    expect(failed).toMatchObject({ JobStatus: "FAILED", Error: { Code: "EntityNotExist.Role", Message: "The role was deleted before the report finished: model-reader." } });
  });

  it("pages the services with MaxItems and Marker", async () => {
    const { JobId } = await generate({ Arn: arn("model-reader") });
    await get({ JobId });
    const one = await get({ JobId, MaxItems: "2" });
    expect([one.IsTruncated, one.ServicesLastAccessed.ServiceLastAccessed.map((s) => s.ServiceNamespace)]).toEqual([true, ["cr", "odps"]]);
    const two = await get({ JobId, MaxItems: "2", Marker: String(one.Marker) });
    expect([two.IsTruncated, two.Marker, two.ServicesLastAccessed.ServiceLastAccessed.map((s) => s.ServiceNamespace)]).toEqual([false, undefined, ["oss"]]);
  });

  it("refuses what it cannot report on, naming the parameter", async () => {
    expect(await ramError("GenerateServiceLastAccessedDetails", {})).toEqual([400, "InvalidParameter", "Arn is required: the ARN of the RAM role to report on, acs:ram::<account>:role/<name>."]);
    expect(await ramError("GenerateServiceLastAccessedDetails", { Arn: `acs:ram::${UID}:user/alice` })).toEqual([
      400,
      "InvalidParameter",
      `Arn must be a RAM role ARN, acs:ram::<account>:role/<name> (the emulator reports on roles only): acs:ram::${UID}:user/alice.`,
    ]);
    expect(await ramError("GenerateServiceLastAccessedDetails", { Arn: "acs:ram::1111:role/x" })).toEqual([400, "InvalidParameter", `Arn names another account (1111); this account is ${UID}.`]);
    expect(await ramError("GenerateServiceLastAccessedDetails", { Arn: arn("nobody") })).toEqual([404, "EntityNotExist.Role", "The role does not exist: nobody."]);
    expect(await ramError("GenerateServiceLastAccessedDetails", { Arn: arn("model-reader"), Granularity: "ACTION_LEVEL" })).toEqual([
      400,
      "InvalidParameter",
      "Granularity must be SERVICE_LEVEL (the emulator reports per service): ACTION_LEVEL.",
    ]);
    expect(await ramError("GetServiceLastAccessedDetails", {})).toEqual([400, "InvalidParameter", "JobId is required: the JobId GenerateServiceLastAccessedDetails returned."]);
    expect(await ramError("GetServiceLastAccessedDetails", { JobId: "no-such-job" })).toEqual([404, "EntityNotExist.Job", "The job does not exist: no-such-job."]);
    const { JobId } = await generate({ Arn: arn("model-reader") });
    expect(await ramError("GetServiceLastAccessedDetails", { JobId, MaxItems: "0" })).toEqual([400, "InvalidParameter", "MaxItems must be a whole number from 1 to 1000: 0."]);
  });
});
