// ListServices, DescribeService, DescribeServiceEvent, ListServiceInstances, DescribeServiceDiagnosis.
import { z } from "zod";
import type { EasResponse } from "../core/contract";
import { invalidParameter } from "./errors";
import { authorizeOp, existingServiceArn, checkRegion, pageNumber, pageSize, readQuery, requireService, serviceArn, type OpInput } from "./op-context";
import { parseEasTime, type ServiceRecord } from "./state";
import { eventToWire, instanceToWire, serviceToWire } from "./wire";

// Looked up with the client's Sort: only the object's own keys count, so `constructor` is no field.
const SORT_KEYS: Record<string, (r: ServiceRecord) => string> = {
  createtime: (r) => r.createTime,
  updatetime: (r) => r.updateTime,
  servicename: (r) => r.serviceName,
  status: (r) => r.status,
};

const listQuery = z.looseObject({
  PageNumber: pageNumber,
  PageSize: pageSize(100, 100),
  ServiceName: z.string().optional(),
  Filter: z.string().optional(),
  ServiceStatus: z.string().optional(),
  WorkspaceId: z.string().optional(),
  Sort: z
    .string()
    .refine((s) => s === "" || Object.hasOwn(SORT_KEYS, s.toLowerCase()), "must be one of CreateTime, UpdateTime, ServiceName, Status")
    .optional(),
  Order: z.enum(["asc", "desc", "ASC", "DESC"]).optional(),
});

export function listServices(input: OpInput): EasResponse {
  const { req, ctx, services } = input;
  const q = readQuery(listQuery, req.query);
  checkRegion(input, ctx.region);
  authorizeOp(ctx, "ListServices", serviceArn(ctx, ctx.region, "*"));
  const key = SORT_KEYS[(q.Sort || "CreateTime").toLowerCase()];
  const desc = (q.Order ?? "desc").toLowerCase() === "desc";
  const matches = [...services.records.values()]
    .filter((r) => r.region === ctx.region)
    .filter((r) => !q.ServiceName || r.serviceName.includes(q.ServiceName))
    .filter((r) => !q.Filter || r.serviceName.includes(q.Filter))
    .filter((r) => !q.ServiceStatus || r.status === q.ServiceStatus)
    .filter((r) => !q.WorkspaceId || r.workspaceId === q.WorkspaceId)
    .sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.serviceName.localeCompare(b.serviceName);
      return desc ? -c : c;
    });
  const start = (q.PageNumber - 1) * q.PageSize;
  return {
    status: 200,
    body: {
      RequestId: ctx.requestId,
      PageNumber: q.PageNumber,
      PageSize: q.PageSize,
      TotalCount: matches.length,
      Services: matches.slice(start, start + q.PageSize).map(serviceToWire),
    },
  };
}

export function describeService(input: OpInput, region: string, name: string): EasResponse {
  checkRegion(input, region);
  authorizeOp(input.ctx, "DescribeService", existingServiceArn(input, region, name));
  return { status: 200, body: { RequestId: input.ctx.requestId, ...serviceToWire(requireService(input, region, name)) } };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;
const easTimeParam = z.string().refine((s) => parseEasTime(s) !== undefined, "must be a UTC time like 2006-01-02 15:04:05");
const eventsQuery = z.looseObject({
  PageNum: pageNumber,
  PageSize: pageSize(500, 100),
  EventType: z.enum(["Normal", "Warning"]).optional(),
  StartTime: easTimeParam.optional(),
  EndTime: easTimeParam.optional(),
  InstanceName: z.string().optional(),
});

export function describeServiceEvent(input: OpInput, region: string, name: string): EasResponse {
  const { req, ctx } = input;
  checkRegion(input, region);
  const q = readQuery(eventsQuery, req.query);
  authorizeOp(ctx, "DescribeServiceEvent", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  const end = q.EndTime ? (parseEasTime(q.EndTime) as Date) : ctx.now();
  const start = q.StartTime ? (parseEasTime(q.StartTime) as Date) : new Date(end.getTime() - WEEK_MS);
  if (start > end) throw invalidParameter("Invalid StartTime: it is after EndTime.");
  // Whole seconds on both ends, as the wire has no fractions.
  const lo = Math.floor(start.getTime() / 1000) * 1000;
  const hi = Math.floor(end.getTime() / 1000) * 1000 + 999;
  const events = rec.events
    .filter((e) => {
      const t = new Date(e.time).getTime();
      return t >= lo && t <= hi;
    })
    .filter((e) => !q.EventType || e.type === q.EventType)
    .filter((e) => !q.InstanceName || e.resource === q.InstanceName);
  const from = (q.PageNum - 1) * q.PageSize;
  return {
    status: 200,
    body: {
      RequestId: ctx.requestId,
      PageNum: q.PageNum,
      TotalCount: events.length,
      TotalPageNum: Math.ceil(events.length / q.PageSize),
      Events: events.slice(from, from + q.PageSize).map(eventToWire),
    },
  };
}

const instancesQuery = z.looseObject({ PageNumber: pageNumber, PageSize: pageSize(100, 100), InstanceStatus: z.string().optional(), InstanceName: z.string().optional() });

export function listServiceInstances(input: OpInput, region: string, name: string): EasResponse {
  const { req, ctx } = input;
  checkRegion(input, region);
  const q = readQuery(instancesQuery, req.query);
  authorizeOp(ctx, "ListServiceInstances", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  const list = rec.instances
    .filter((i) => !q.InstanceStatus || i.status === q.InstanceStatus)
    .filter((i) => !q.InstanceName || i.instanceName.includes(q.InstanceName));
  const from = (q.PageNumber - 1) * q.PageSize;
  return {
    status: 200,
    body: { RequestId: ctx.requestId, PageNumber: q.PageNumber, PageSize: q.PageSize, TotalCount: list.length, Instances: list.slice(from, from + q.PageSize).map((i) => instanceToWire(i, ctx.now())) },
  };
}

export function describeServiceDiagnosis(input: OpInput, region: string, name: string): EasResponse {
  checkRegion(input, region);
  authorizeOp(input.ctx, "DescribeServiceDiagnosis", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  return {
    status: 200,
    body: { RequestId: input.ctx.requestId, DiagnosisList: rec.diagnosis.map((d) => ({ Error: d.error, Causes: d.causes, Advices: d.advices })) },
  };
}
