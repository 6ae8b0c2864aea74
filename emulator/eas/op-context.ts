// What every EAS handler needs: the module's services, permission checks and query parsing.
import { z } from "zod";
import { noPermission, type Decision } from "../core/authorize";
import type { EasContext, EasRequest } from "../core/contract";
import { ApiError } from "../core/contract";
import { invalidParameter, serviceNotFound } from "./errors";
import type { EasOperation } from "./routes";
import type { EasServices } from "./services";
import type { ServiceRecord } from "./state";
import { readPlatformConfig } from "./config";

export interface OpInput {
  req: EasRequest;
  ctx: EasContext;
  services: EasServices;
  regions: string[];
}

/**
 * The ARN RAM checks an EAS call against (Platform for AI, "RAM authorization", API 2021-07-01):
 * `acs:eas:<region>:<uid>:service/<name>`, or for a service in a dedicated resource group
 * (`metadata.resource`) `acs:eas:<region>:<uid>:resource/<eas-r-id>/service/<name>`.
 */
export function serviceArn(ctx: EasContext, region: string, name: string, resourceGroup?: string): string {
  return resourceGroup ? `acs:eas:${region}:${ctx.ram.accountId}:resource/${resourceGroup}/service/${name}` : `acs:eas:${region}:${ctx.ram.accountId}:service/${name}`;
}

/** The ARN of an existing service, in its resource group's form when it has one. */
export function existingServiceArn(input: OpInput, region: string, name: string): string {
  const rec = input.services.find(region, name);
  const parsed = rec ? readPlatformConfig(rec.serviceConfig) : undefined;
  return serviceArn(input.ctx, region, name, parsed?.ok ? parsed.config.resource : undefined);
}

/** RAM users and roles need `eas:<Operation>` on the service; the account itself needs nothing. */
export function authorizeOp(ctx: EasContext, op: EasOperation, resource: string): void {
  const d = ctx.ram.authorize(ctx.caller, `eas:${op}`, resource);
  if (d.decision === "Allow") return;
  const full = d as Partial<Decision>;
  const decision: Decision = { ...d, policyType: full.policyType ?? "AccountLevelIdentityBasedPolicy", matchedPolicies: full.matchedPolicies ?? [] };
  throw noPermission(ctx.caller, `eas:${op}`, resource, decision);
}

export function checkRegion(input: OpInput, region: string): void {
  if (!input.regions.includes(region)) {
    throw new ApiError(400, "InvalidRegionId", `The region ${region} is not served (regions: ${input.regions.join(", ")}).`);
  }
  if (region !== input.ctx.region) {
    throw new ApiError(400, "InvalidRegionId", `The region ${region} in the path does not match this endpoint's region ${input.ctx.region}.`);
  }
}

export function requireService(input: OpInput, region: string, name: string): ServiceRecord {
  const rec = input.services.find(region, name);
  if (!rec) throw serviceNotFound(region, name);
  return rec;
}

/** Validates the query with zod; the first problem names the parameter. */
export function readQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw invalidParameter(`Invalid ${issue.path.join(".") || "query"}: ${issue.message}`);
}

export const pageNumber = z.coerce.number().int().min(1).default(1);
export const pageSize = (max: number, def: number) => z.coerce.number().int().min(1).max(max).default(def);

export function callerUid(ctx: EasContext): string {
  const c = ctx.caller;
  if (c.kind === "user") return c.userId;
  if (c.kind === "assumed-role") return c.roleId;
  return c.accountId;
}
