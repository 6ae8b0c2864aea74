// Helpers for deployment-scenario tests: deploy through the console's gateway, settle, and read
// back what the console would see (service, warnings, instances, diagnosis).
import type { EasGateway } from "../../../lib/cloud/types";
import type { RunningEmulator } from "../../../emulator/server";
import { control, easCall } from "./clients";

export const UID = "1784200000000001";
export const roleArnOf = (role: string) => `acs:ram::${UID}:role/${role}`;
export const easTrust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } }] });
export const ecsTrust = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["ecs.aliyuncs.com"] } }] });

export async function settle(emu: RunningEmulator): Promise<void> {
  const r = await control(emu.url, "POST", "/_emulator/settle");
  if (r.status !== 200) throw new Error(`settle answered ${r.status}`);
}

export interface Seen {
  status: string;
  reason: string;
  message: string;
  warnings: { reason: string; message: string; resource: string }[];
  instances: { status: string; reason: string; restartCount: number }[];
  diagnosis: { error: string; causes: string[]; advices: string[] }[];
}

/** Everything the console reads about a service, in one go. */
export async function look(eas: EasGateway, region: string, name: string): Promise<Seen> {
  const svc = await eas.describeService(region, name);
  const events = await eas.describeServiceEvents(region, name, { eventType: "Warning", pageSize: 500 });
  const instances = await eas.listServiceInstances(region, name);
  return {
    status: svc.status,
    reason: svc.reason,
    message: svc.message,
    warnings: events.items.map((e) => ({ reason: e.reason, message: e.message, resource: e.resource })),
    instances: instances.items.map((i) => ({ status: i.status, reason: i.reason, restartCount: i.restartCount })),
    diagnosis: await eas.describeServiceDiagnosis(region, name),
  };
}

/** Creates (or updates) the service, lets the deployment end, and reads it back. */
export async function deploy(emu: RunningEmulator, eas: EasGateway, region: string, config: Record<string, unknown>): Promise<Seen> {
  const name = String(config.name);
  const exists = await eas.describeService(region, name).then(() => true, () => false);
  if (exists) await eas.updateService(region, name, JSON.stringify(config), "replace");
  else await eas.createService(region, JSON.stringify(config));
  await settle(emu);
  return look(eas, region, name);
}

/** Updates with an empty merge patch (the console's "redeploy"), settles, reads back. */
export async function redeploy(emu: RunningEmulator, eas: EasGateway, region: string, name: string, patch: Record<string, unknown> = {}): Promise<Seen> {
  await eas.updateService(region, name, JSON.stringify(patch));
  await settle(emu);
  return look(eas, region, name);
}

/** The raw instance objects (LastState included), as the wire has them. */
export async function rawInstances(emu: RunningEmulator, region: string, name: string): Promise<Record<string, unknown>[]> {
  const body = await easCall(emu.regionPorts[region], { action: "ListServiceInstances", method: "GET", pathname: `/api/v2/services/${region}/${name}/instances` });
  return body.Instances as Record<string, unknown>[];
}
