import "server-only";
import { requirePermission, type Actor } from "../actor";
import { getStores } from "../db";
import type { AuditFilters } from "../db/types";
import { createAuditLog, type AuditPage } from "./audit-log";

export type { AuditPage } from "./audit-log";
export type { AuditFilters } from "../db/types";

export function listAudit(actor: Actor, filters: AuditFilters, page: { page: number; pageSize: number } = { page: 1, pageSize: 50 }): Promise<AuditPage> {
  requirePermission(actor, "audit:read");
  return createAuditLog(getStores().audit).list(filters, page);
}

export function listAuditActions(actor: Actor): Promise<string[]> {
  requirePermission(actor, "audit:read");
  return getStores().audit.actions();
}
