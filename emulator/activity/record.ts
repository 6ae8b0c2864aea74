// Turns calls into events of a role's session: the calls the emulator serves (signed with a role's
// STS credentials, or credentials it hands out for a role) and those the control API reports for
// services it does not serve.
import { randomUUID } from "node:crypto";
import type { Caller } from "../core/contract";
import type { ActivityLog, NewEvent } from "./log";

export interface CallFacts {
  service: string;
  action: string;
  resource: string;
  region: string;
  requestId: string;
  sourceIp: string;
  errorCode?: string;
  errorMessage?: string;
}

const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/** One served call; only role sessions become events (ActionTrail's assumed-role identities). */
export function recordCall(log: ActivityLog, caller: Caller | undefined, call: CallFacts, now: Date): void {
  if (caller?.kind !== "assumed-role") return;
  log.record(
    {
      t: wholeSecond(now.getTime()),
      id: randomUUID().toUpperCase(),
      roleName: caller.roleName,
      roleId: caller.roleId,
      sessionName: caller.sessionName,
      accessKeyId: caller.accessKeyId,
      ...call,
    },
    now,
  );
}

/** Seconds between the calls one entry with a `count` stands for; the last of them is at `at`. */
const COUNT_SPACING_SECONDS = 37;

interface ReportedCalls {
  role: { roleName: string; roleId: string };
  sessionName: string;
  accessKeyId: string;
  service: string;
  action: string;
  resource: string;
  region: string;
  /** Milliseconds since the epoch of the last call. */
  at: number;
  count: number;
  errorCode?: string;
}

/** The `count` calls of one entry, ending at `at`. */
function reportedEvents(r: ReportedCalls): NewEvent[] {
  const out: NewEvent[] = [];
  for (let i = r.count - 1; i >= 0; i--) {
    out.push({
      t: wholeSecond(r.at - i * COUNT_SPACING_SECONDS * 1000),
      id: randomUUID().toUpperCase(),
      roleName: r.role.roleName,
      roleId: r.role.roleId,
      sessionName: r.sessionName,
      accessKeyId: r.accessKeyId,
      service: r.service,
      action: r.action,
      resource: r.resource,
      region: r.region,
      requestId: randomUUID().toUpperCase(),
      sourceIp: "100.104.0.1",
      ...(r.errorCode ? { errorCode: r.errorCode, errorMessage: `The request failed with ${r.errorCode}.` } : {}),
    });
  }
  return out;
}

/** Records one entry; returns how many of its calls are within the event history (the rest only move the last access). */
export function recordReported(log: ActivityLog, r: ReportedCalls, now: Date): number {
  return reportedEvents(r).filter((e) => log.record(e, now)).length;
}

/** Many entries at once (the demo seed). */
export function recordMany(log: ActivityLog, entries: ReportedCalls[], now: Date): void {
  log.recordMany(entries.flatMap(reportedEvents), now);
}
