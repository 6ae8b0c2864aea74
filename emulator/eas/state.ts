// EAS state as plain JSON: what snapshot() returns and a restart reads back.
import { z } from "zod";
import type { Caller } from "../core/contract";

export type DeployAction = "create" | "update" | "start" | "restart";

export interface EventRecord {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  /** ISO 8601 with milliseconds; written on the wire as `2006-01-02 15:04:05`. */
  time: string;
  resource: string;
}

export interface InstanceRecord {
  instanceName: string;
  status: string;
  reason: string;
  restartCount: number;
  readyProcesses: number;
  totalProcesses: number;
  hostIp: string;
  innerIp: string;
  startTime: string;
  zone: string;
  /** Set while the container crash-loops: when it first died (restarts count on from there) and its exit code. */
  crashedAt?: string;
  exitCode?: number;
}

interface DiagnosisRecord {
  error: string;
  causes: string[];
  advices: string[];
}

interface PendingDeploy {
  action: DeployAction;
  requestedAt: string;
  dueAt: string;
  version: number;
}

export interface ServiceRecord {
  serviceName: string;
  serviceId: string;
  region: string;
  status: string;
  reason: string;
  message: string;
  /** Exactly as sent (CreateService) or as merged (UpdateService). */
  serviceConfig: string;
  createTime: string;
  updateTime: string;
  callerUid: string;
  parentUid: string;
  workspaceId: string;
  labels: Record<string, string>;
  currentVersion: number;
  latestVersion: number;
  /** Who created or last updated the service: PassRole is decided for this caller. */
  deployer: Caller;
  pending?: PendingDeploy;
  events: EventRecord[];
  instances: InstanceRecord[];
  diagnosis: DiagnosisRecord[];
}

const callerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("root"), accountId: z.string(), accessKeyId: z.string() }),
  z.object({ kind: z.literal("user"), accountId: z.string(), accessKeyId: z.string(), userName: z.string(), userId: z.string() }),
  z.object({ kind: z.literal("assumed-role"), accountId: z.string(), accessKeyId: z.string(), roleName: z.string(), roleId: z.string(), sessionName: z.string() }),
]);

const recordSchema = z.object({
  serviceName: z.string(),
  serviceId: z.string(),
  region: z.string(),
  status: z.string(),
  reason: z.string(),
  message: z.string(),
  serviceConfig: z.string(),
  createTime: z.string(),
  updateTime: z.string(),
  callerUid: z.string(),
  parentUid: z.string(),
  workspaceId: z.string(),
  labels: z.record(z.string(), z.string()),
  currentVersion: z.number(),
  latestVersion: z.number(),
  deployer: callerSchema,
  pending: z.object({ action: z.enum(["create", "update", "start", "restart"]), requestedAt: z.string(), dueAt: z.string(), version: z.number() }).optional(),
  events: z.array(z.object({ type: z.enum(["Normal", "Warning"]), reason: z.string(), message: z.string(), time: z.string(), resource: z.string() })),
  instances: z.array(
    z.object({
      instanceName: z.string(),
      status: z.string(),
      reason: z.string(),
      restartCount: z.number(),
      readyProcesses: z.number(),
      totalProcesses: z.number(),
      hostIp: z.string(),
      innerIp: z.string(),
      startTime: z.string(),
      zone: z.string(),
      crashedAt: z.string().optional(),
      exitCode: z.number().optional(),
    }),
  ),
  diagnosis: z.array(z.object({ error: z.string(), causes: z.array(z.string()), advices: z.array(z.string()) })),
});

export const easSnapshotSchema = z.object({ version: z.literal(1), services: z.array(recordSchema) });
export type EasSnapshot = z.infer<typeof easSnapshotSchema>;

export const serviceKey = (region: string, name: string) => `${region}/${name}`;

/** `2006-01-02 15:04:05`, UTC: how EAS writes event times and takes StartTime/EndTime. */
export function easTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

export function parseEasTime(s: string): Date | undefined {
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(s)) return undefined;
  const d = new Date(`${s.replace(" ", "T")}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** `2021-01-29T11:13:20Z`: how EAS writes CreateTime/UpdateTime. */
export const isoSeconds = (iso: string) => `${iso.slice(0, 19)}Z`;
