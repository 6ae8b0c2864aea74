// Simulated instances: stable names and addresses derived from the service and its version.
import { createHash } from "node:crypto";
import type { InstanceRecord } from "./state";

const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function token(seed: string, length: number): string {
  const digest = createHash("sha256").update(seed).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[digest[i] % ALPHABET.length];
  return out;
}

export function instanceName(serviceName: string, serviceId: string, version: number, index: number): string {
  return `${serviceName.replace(/_/g, "-")}-${token(`${serviceId}:${version}`, 10)}-${token(`${serviceId}:${version}:${index}`, 5)}`;
}

export function makeInstances(
  rec: { serviceName: string; serviceId: string; region: string },
  version: number,
  count: number,
  state: { status: string; reason: string; ready: boolean },
  startTime: string,
): InstanceRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const d = createHash("sha256").update(`${rec.serviceId}:${version}:${i}:ip`).digest();
    return {
      instanceName: instanceName(rec.serviceName, rec.serviceId, version, i),
      status: state.status,
      reason: state.reason,
      restartCount: 0,
      readyProcesses: state.ready ? 1 : 0,
      totalProcesses: 1,
      hostIp: `10.224.${d[0]}.${d[1]}`,
      innerIp: `172.20.${d[2]}.${d[3]}`,
      startTime,
      zone: `${rec.region}-${"hijk"[d[4] % 4]}`,
    };
  });
}
