// CreateService, UpdateService, DeleteService, StartService, StopService.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { readPlatformConfig } from "./config";
import type { EasResponse } from "../core/contract";
import { checkServiceName, invalidParameter, invalidStatus, serviceExists } from "./errors";
import { mergePatch, shallowMerge, type Json } from "./merge";
import { authorizeOp, existingServiceArn, callerUid, checkRegion, readQuery, requireService, serviceArn, type OpInput } from "./op-context";
import type { ServiceRecord } from "./state";
import { endpoints } from "./wire";

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const serviceId = () => `eas-m-${[...randomBytes(20)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("")}`;

function readConfig(body: string): Record<string, Json> {
  const parsed = readPlatformConfig(body);
  if (!parsed.ok) throw invalidParameter(parsed.error);
  return JSON.parse(body) as Record<string, Json>;
}

const createQuery = z.looseObject({
  WorkspaceId: z.string().optional(),
  Develop: z.enum(["true", "false"]).optional(),
  Labels: z.string().optional(),
});

function readLabels(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw === "") return {};
  try {
    const v = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).parse(JSON.parse(raw));
    return v;
  } catch {
    throw invalidParameter('Invalid Labels: must be a JSON object of string values, e.g. {"team":"search"}.');
  }
}

export function createService(input: OpInput): EasResponse {
  const { req, ctx, services } = input;
  const q = readQuery(createQuery, req.query);
  const config = readConfig(req.body);
  const name = checkServiceName(config.name);
  checkRegion(input, ctx.region);
  const group = (config.metadata as { resource?: unknown } | undefined)?.resource;
  authorizeOp(ctx, "CreateService", serviceArn(ctx, ctx.region, name, typeof group === "string" && group !== "" ? group : undefined));
  if (services.find(ctx.region, name)) throw serviceExists(name);
  const now = ctx.now();
  const metadata = (config.metadata ?? {}) as { workspace_id?: unknown };
  const rec: ServiceRecord = {
    serviceName: name,
    serviceId: serviceId(),
    region: ctx.region,
    status: "Creating",
    reason: "",
    message: "",
    serviceConfig: req.body,
    createTime: now.toISOString(),
    updateTime: now.toISOString(),
    callerUid: callerUid(ctx),
    parentUid: ctx.ram.accountId,
    workspaceId: q.WorkspaceId ?? (metadata.workspace_id !== undefined ? String(metadata.workspace_id) : ""),
    labels: readLabels(q.Labels),
    currentVersion: 0,
    latestVersion: 1,
    deployer: ctx.caller,
    events: [],
    instances: [],
    diagnosis: [],
  };
  services.add(rec);
  services.beginDeploy(rec, "create", now);
  ctx.markDirty();
  return {
    status: 200,
    body: { RequestId: ctx.requestId, ServiceId: rec.serviceId, ServiceName: name, Status: rec.status, Region: rec.region, ...endpoints(rec.parentUid, rec.region, name) },
  };
}

const updateQuery = z.looseObject({ UpdateType: z.enum(["merge", "replace"]).default("merge") });

export function updateService(input: OpInput, region: string, name: string): EasResponse {
  const { req, ctx, services } = input;
  checkRegion(input, region);
  const q = readQuery(updateQuery, req.query);
  authorizeOp(ctx, "UpdateService", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  const patch = readConfig(req.body);
  if (patch.name !== undefined && patch.name !== name) throw invalidParameter(`Invalid name: the body names "${String(patch.name)}", the path names "${name}"; a service cannot be renamed.`);
  let next: string;
  if (q.UpdateType === "replace") {
    next = patch.name === undefined ? JSON.stringify({ name, ...patch }) : req.body;
  } else {
    const current = JSON.parse(rec.serviceConfig) as Json;
    next = JSON.stringify(input.services.platform.updateMerge === "shallow" ? shallowMerge(current, patch) : mergePatch(current, patch));
  }
  const check = readPlatformConfig(next);
  if (!check.ok) throw invalidParameter(check.error);
  const now = ctx.now();
  rec.serviceConfig = next;
  rec.latestVersion += 1;
  rec.deployer = ctx.caller;
  rec.updateTime = now.toISOString();
  const ws = check.config.workspaceId;
  if (ws) rec.workspaceId = ws;
  // A stopped service keeps its new config until it is started again.
  if (rec.status !== "Stopped") services.beginDeploy(rec, "update", now);
  ctx.markDirty();
  return { status: 200, body: { RequestId: ctx.requestId, Message: `Successfully updated service [${name}] to version [${rec.latestVersion}]` } };
}

export function deleteService(input: OpInput, region: string, name: string): EasResponse {
  const { ctx, services } = input;
  checkRegion(input, region);
  authorizeOp(ctx, "DeleteService", existingServiceArn(input, region, name));
  services.remove(requireService(input, region, name));
  ctx.markDirty();
  return { status: 200, body: { RequestId: ctx.requestId, Message: `Successfully deleted service [${name}]` } };
}

export function startService(input: OpInput, region: string, name: string): EasResponse {
  const { ctx, services } = input;
  checkRegion(input, region);
  authorizeOp(ctx, "StartService", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  if (rec.status !== "Stopped" && rec.status !== "Failed") throw invalidStatus(name, rec.status, "only a Stopped or Failed service can be started");
  services.beginDeploy(rec, "start", ctx.now());
  ctx.markDirty();
  return { status: 200, body: { RequestId: ctx.requestId, Message: `Successfully started service [${name}]` } };
}

export function stopService(input: OpInput, region: string, name: string): EasResponse {
  const { ctx, services } = input;
  checkRegion(input, region);
  authorizeOp(ctx, "StopService", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  if (rec.status !== "Stopped") services.stop(rec, ctx.now());
  ctx.markDirty();
  return { status: 200, body: { RequestId: ctx.requestId, Message: `Successfully stopped service [${name}]` } };
}

/** RestartService: the instances are made again from the config the service holds, same version. */
export function restartService(input: OpInput, region: string, name: string): EasResponse {
  const { ctx, services } = input;
  checkRegion(input, region);
  authorizeOp(ctx, "RestartService", existingServiceArn(input, region, name));
  const rec = requireService(input, region, name);
  if (rec.status === "Stopped") throw invalidStatus(name, rec.status, "a Stopped service is started, not restarted");
  // The deployment decides PassRole for whoever asked for it, as an update does.
  rec.deployer = ctx.caller;
  services.beginDeploy(rec, "restart", ctx.now());
  ctx.markDirty();
  return { status: 200, body: { RequestId: ctx.requestId, Message: `Successfully restarted service [${name}]` } };
}
