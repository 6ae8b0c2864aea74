import type { AuditEntry } from "../db/types";

export const AUDIT_CSV_HEADER = ["id", "time", "actor", "action", "target", "outcome", "request_id", "detail"] as const;

// RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsvRow(e: AuditEntry): string {
  return [String(e.id), e.at, e.actor, e.action, e.target, e.outcome, e.requestId ?? "", e.detail ? JSON.stringify(e.detail) : ""]
    .map(csvCell)
    .join(",");
}
