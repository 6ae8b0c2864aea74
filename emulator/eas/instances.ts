// Simulated instances: stable names and addresses derived from the service and its version.
import { createHash } from "node:crypto";
import type { InstanceState } from "./outcome";
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
  state: InstanceState,
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
      ...(state.crash ? { crashedAt: startTime, exitCode: state.crash.exitCode } : {}),
    };
  });
}

/** Kubernetes' restart back-off: 10 s doubling to a 5-minute cap, so restarts come at 10, 30, 70, 150, 310 s, then every 300 s. */
export function restartsAfter(elapsedMs: number): number {
  const s = Math.max(0, elapsedMs / 1000);
  if (s >= 310) return 5 + Math.floor((s - 310) / 300);
  let at = 0;
  let n = 0;
  for (let delay = 10; at + delay <= s; delay *= 2) {
    at += delay;
    n++;
  }
  return n;
}

/** A running instance starts crash-looping now (an instance fault set on a running service). */
export function crashInstance(i: InstanceRecord, state: InstanceState, at: string): InstanceRecord {
  return { ...i, status: state.status, reason: state.reason, readyProcesses: 0, crashedAt: at, exitCode: state.crash?.exitCode ?? 1 };
}
