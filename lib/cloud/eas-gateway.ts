// EasGateway over openapi-core's callApi (ROA, 2021-07-01), with the operation names, paths
// and fields of the generated @alicloud/eas20210701 SDK, so that SDK can replace this file.
import "server-only";
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import { callWithRetry } from "./call";
import { openApiConfig, type ClientOptions } from "./client-config";
import type { EasEvent, EasGateway, EasInstance, EasService, ListServicesQuery, Page, ServiceEventsQuery, Tag, WriteResult } from "./types";

export interface EasGatewayConfig extends ClientOptions {
  regions: string[];
  /** host[:port] of the region's EAS endpoint, no scheme. */
  endpointFor(region: string): string;
}

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);
const list = (v: unknown): Body[] => (Array.isArray(v) ? (v as Body[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
// RFC 3986, as the signer encodes query values: encodeURIComponent leaves `! ' ( ) *` raw, and the
// HTTP stack escapes `'` after signing, so a name holding one would no longer match its signature.
const seg = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const LIST_PAGE = 100;

function toService(b: Body): EasService {
  return {
    serviceName: str(b.ServiceName),
    serviceId: str(b.ServiceId),
    region: str(b.Region),
    status: str(b.Status),
    reason: str(b.Reason),
    message: str(b.Message),
    serviceConfig: str(b.ServiceConfig),
    createTime: str(b.CreateTime),
    updateTime: str(b.UpdateTime),
    runningInstance: num(b.RunningInstance),
    pendingInstance: num(b.PendingInstance),
    totalInstance: num(b.TotalInstance),
    image: str(b.Image),
    cpu: num(b.Cpu),
    memory: num(b.Memory),
    gpu: num(b.Gpu),
    callerUid: str(b.CallerUid),
    parentUid: str(b.ParentUid),
    workspaceId: str(b.WorkspaceId),
    currentVersion: num(b.CurrentVersion),
    latestVersion: num(b.LatestVersion),
    internetEndpoint: str(b.InternetEndpoint),
    intranetEndpoint: str(b.IntranetEndpoint),
    labels: list(b.Labels).map((l): Tag => ({ key: str(l.LabelKey), value: str(l.LabelValue) })),
  };
}

const toEvent = (e: Body): EasEvent => ({ type: str(e.Type), reason: str(e.Reason), message: str(e.Message), time: str(e.Time), resource: str(e.Resource) });

const toInstance = (i: Body): EasInstance => ({
  instanceName: str(i.InstanceName),
  status: str(i.Status),
  reason: str(i.Reason),
  restartCount: num(i.RestartCount),
  readyProcesses: num(i.ReadyProcesses),
  totalProcesses: num(i.TotalProcesses),
  hostIp: str(i.HostIP),
  innerIp: str(i.InnerIP),
  startTime: str(i.StartTime),
  zone: str(i.Zone),
  ...lastExit(i.LastState),
});

/** LastState is a list of free-form maps; the first with a numeric exitCode is the last termination. */
function lastExit(v: unknown): { exitCode?: number } {
  const code = (Array.isArray(v) ? v : []).map((s) => (s && typeof s === "object" ? (s as Record<string, unknown>).exitCode : undefined)).find((c) => typeof c === "number");
  return typeof code === "number" ? { exitCode: code } : {};
}

/** Drops undefined values and stringifies the rest: EAS query parameters are all strings. */
function query(q: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
}

export function createEasGateway(cfg: EasGatewayConfig): EasGateway {
  const clients = new Map<string, OpenApi>();
  const clientFor = (region: string): OpenApi => {
    let c = clients.get(region);
    if (!c) {
      c = new OpenApi(openApiConfig(cfg.endpointFor(region), cfg, region));
      clients.set(region, c);
    }
    return c;
  };

  const call = (region: string, action: string, method: string, pathname: string, q: Record<string, string> = {}, body?: string) =>
    callWithRetry(async () => {
      const params = new $OpenApiUtil.Params({
        action,
        version: "2021-07-01",
        protocol: cfg.protocol,
        pathname,
        method,
        authType: "AK",
        style: "ROA",
        reqBodyType: "json",
        bodyType: "json",
      });
      const req = new $OpenApiUtil.OpenApiRequest({ query: q, ...(body === undefined ? {} : { body }) });
      const res = (await clientFor(region).callApi(params, req, new $dara.RuntimeOptions({}))) as { body: Body };
      return res.body ?? {};
    }, cfg.retry);

  const servicePath = (region: string, name: string, sub = "") => `/api/v2/services/${seg(region)}/${seg(name)}${sub}`;
  const written = (b: Body): WriteResult => ({ requestId: str(b.RequestId) });

  async function listServices(region: string, q: ListServicesQuery = {}): Promise<Page<EasService>> {
    const b = await call(
      region,
      "ListServices",
      "GET",
      "/api/v2/services",
      query({ ServiceName: q.serviceName, ServiceStatus: q.serviceStatus, PageNumber: q.pageNumber, PageSize: q.pageSize, Sort: q.sort, Order: q.order }),
    );
    return { items: list(b.Services).map(toService), totalCount: num(b.TotalCount), pageNumber: num(b.PageNumber), pageSize: num(b.PageSize) };
  }

  return {
    regions: cfg.regions,
    listServices,
    async listAllServices(region, q = {}) {
      const out: EasService[] = [];
      for (let pageNumber = 1; ; pageNumber++) {
        const page = await listServices(region, { ...q, pageNumber, pageSize: q.pageSize ?? LIST_PAGE });
        out.push(...page.items);
        if (page.items.length === 0 || out.length >= (page.totalCount ?? 0)) return out;
      }
    },
    async describeService(region, name) {
      return toService(await call(region, "DescribeService", "GET", servicePath(region, name)));
    },
    async describeServiceEvents(region, name, q: ServiceEventsQuery = {}) {
      const b = await call(
        region,
        "DescribeServiceEvent",
        "GET",
        servicePath(region, name, "/events"),
        query({ EventType: q.eventType, StartTime: q.startTime, EndTime: q.endTime, PageNum: q.pageNum, PageSize: q.pageSize, InstanceName: q.instanceName }),
      );
      return { items: list(b.Events).map(toEvent), totalCount: num(b.TotalCount), pageNumber: num(b.PageNum), pageSize: q.pageSize, totalPageNum: num(b.TotalPageNum) };
    },
    async listServiceInstances(region, name) {
      const b = await call(region, "ListServiceInstances", "GET", servicePath(region, name, "/instances"));
      return { items: list(b.Instances).map(toInstance), totalCount: num(b.TotalCount), pageNumber: num(b.PageNumber), pageSize: num(b.PageSize) };
    },
    async describeServiceDiagnosis(region, name) {
      const b = await call(region, "DescribeServiceDiagnosis", "GET", servicePath(region, name, "/diagnosis"));
      return list(b.DiagnosisList).map((d) => ({ error: str(d.Error), causes: strings(d.Causes), advices: strings(d.Advices) }));
    },
    async createService(region, serviceConfig, opts = {}) {
      const b = await call(region, "CreateService", "POST", "/api/v2/services", query({ WorkspaceId: opts.workspaceId, Develop: opts.develop }), serviceConfig);
      return { serviceName: str(b.ServiceName), serviceId: str(b.ServiceId), status: str(b.Status), region: str(b.Region), ...written(b) };
    },
    async updateService(region, name, serviceConfig, updateType) {
      return written(await call(region, "UpdateService", "PUT", servicePath(region, name), query({ UpdateType: updateType }), serviceConfig));
    },
    async deleteService(region, name) {
      return written(await call(region, "DeleteService", "DELETE", servicePath(region, name)));
    },
    async startService(region, name) {
      return written(await call(region, "StartService", "PUT", servicePath(region, name, "/start")));
    },
    async restartService(region, name) {
      return written(await call(region, "RestartService", "PUT", servicePath(region, name, "/restart")));
    },
    async stopService(region, name) {
      return written(await call(region, "StopService", "PUT", servicePath(region, name, "/stop")));
    },
  };
}
