import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { createEmulator } from "../server";
import { lookupEvents } from "../../tests/support/cloud/actiontrail";
import { control, ramGateway, ramRpc } from "../../tests/support/cloud/clients";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const trust = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["eas.pai.aliyuncs.com"]}}]}';

it("keeps the event history and the last access per service across close and re-create", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "emu-activity-"));
  dirs.push(dataDir);
  const now = new Date("2026-12-07T12:00:00Z");
  const first = await createEmulator({ port: 0, dataDir, seed: "empty", now: () => now });
  await ramGateway(first.port).createRole({ roleName: "survivor", assumeRolePolicyDocument: trust });
  await fetch(`${first.url}/credentials/survivor`);
  const posted = await control(first.url, "POST", "/_emulator/activity", { role: "survivor", events: [{ service: "oss", action: "GetObject", resource: "acs:oss:*:*:b/k", at: "2026-12-01T00:00:00Z", count: 2 }] });
  expect(posted.status).toBe(200);
  const before = await lookupEvents(first.port, { LookupAttribute: [{ Key: "RoleName", Value: "survivor" }] });
  await first.close();

  const second = await createEmulator({ port: 0, dataDir, seed: "empty", now: () => now });
  try {
    const after = await lookupEvents(second.port, { LookupAttribute: [{ Key: "RoleName", Value: "survivor" }] });
    expect(after.Events.map((e) => [e.eventId, e.eventName, e.eventTime])).toEqual(before.Events.map((e) => [e.eventId, e.eventName, e.eventTime]));
    expect(after.Events.map((e) => e.eventName)).toEqual(["AssumeRole", "GetObject", "GetObject"]);
    const { JobId } = (await ramRpc(second.port, "GenerateServiceLastAccessedDetails", { Arn: "acs:ram::1784200000000001:role/survivor" })) as { JobId: string };
    await ramRpc(second.port, "GetServiceLastAccessedDetails", { JobId });
    const report = (await ramRpc(second.port, "GetServiceLastAccessedDetails", { JobId })) as { ServicesLastAccessed: { ServiceLastAccessed: unknown[] } };
    expect(report.ServicesLastAccessed.ServiceLastAccessed).toEqual([
      expect.objectContaining({ ServiceNamespace: "oss", LastAccessedTime: "2026-12-01T00:00:00Z" }),
      expect.objectContaining({ ServiceNamespace: "sts", LastAccessedTime: "2026-12-07T12:00:00Z" }),
    ]);
  } finally {
    await second.close();
  }
});
