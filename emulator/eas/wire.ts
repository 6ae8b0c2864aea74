// Records → the PascalCase JSON EAS answers with.
import type { EventRecord, InstanceRecord, ServiceRecord } from "./state";
import { easTime, isoSeconds } from "./state";
import { restartsAfter } from "./instances";
import { readPlatformConfig } from "./config";

export function endpoints(accountId: string, region: string, name: string) {
  return {
    InternetEndpoint: `http://${accountId}.${region}.pai-eas.aliyuncs.com/api/predict/${name}`,
    IntranetEndpoint: `http://${accountId}.vpc.${region}.pai-eas.aliyuncs.com/api/predict/${name}`,
  };
}

export function serviceToWire(r: ServiceRecord): Record<string, unknown> {
  const parsed = readPlatformConfig(r.serviceConfig);
  const config = parsed.ok ? parsed.config : undefined;
  const running = r.instances.filter((i) => i.status === "Running").length;
  const total = r.status === "Stopped" ? 0 : (config?.instances ?? 1);
  return {
    ServiceName: r.serviceName,
    ServiceId: r.serviceId,
    ServiceUid: r.serviceId,
    Region: r.region,
    Status: r.status,
    Reason: r.reason,
    Message: r.message,
    ServiceConfig: r.serviceConfig,
    Role: "Standard",
    RoleAttrs: "",
    CreateTime: isoSeconds(r.createTime),
    UpdateTime: isoSeconds(r.updateTime),
    RunningInstance: running,
    PendingInstance: Math.max(0, total - running),
    TotalInstance: total,
    CurrentVersion: r.currentVersion,
    LatestVersion: r.latestVersion,
    Image: config?.images[0] ?? "",
    Cpu: config?.cpu ?? 0,
    Memory: config?.memory ?? 0,
    Gpu: config?.gpu ?? 0,
    Resource: config?.resource ?? "",
    ResourceAlias: "",
    ...endpoints(r.parentUid, r.region, r.serviceName),
    AccessToken: "",
    CallerUid: r.callerUid,
    ParentUid: r.parentUid,
    Namespace: r.serviceName,
    ServiceGroup: r.serviceName,
    Source: "OpenAPI",
    Weight: 0,
    WorkspaceId: r.workspaceId,
    TrafficState: "standalone",
    WorkloadType: "Deployment",
    SafetyLock: "dangerous",
    AutoscalerEnabled: false,
    CronscalerEnabled: false,
    Labels: Object.entries(r.labels).map(([LabelKey, LabelValue]) => ({ LabelKey, LabelValue })),
  };
}

export const eventToWire = (e: EventRecord) => ({ Type: e.type, Reason: e.reason, Message: e.message, Time: easTime(new Date(e.time)), Resource: e.resource });

/** A crash-looping instance's restarts go on counting with the emulator's clock. */
export const instanceToWire = (i: InstanceRecord, now: Date) => ({
  InstanceName: i.instanceName,
  Status: i.status,
  Reason: i.reason,
  RestartCount: i.crashedAt ? i.restartCount + restartsAfter(now.getTime() - Date.parse(i.crashedAt)) : i.restartCount,
  ReadyProcesses: i.readyProcesses,
  TotalProcesses: i.totalProcesses,
  HostIP: i.hostIp,
  HostName: `node-${i.hostIp.replace(/\./g, "-")}`,
  InnerIP: i.innerIp,
  InstancePort: 8080,
  ExternalIP: "",
  ExternalInstancePort: 0,
  StartTime: isoSeconds(i.startTime),
  CreateTime: isoSeconds(i.startTime),
  Zone: i.zone,
  InstanceType: "",
  ResourceType: "PublicResource",
  Role: "Standard",
  IsSpot: false,
  Isolated: false,
  IsLatest: true,
  IsReplica: false,
  LastState: i.crashedAt
    ? [{ reason: i.reason, exitCode: i.exitCode ?? 1, startedAt: isoSeconds(i.crashedAt), finishedAt: isoSeconds(i.crashedAt) }]
    : [],
});
