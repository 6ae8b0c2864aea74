import type { AuditEntry } from "../db/types";

const AUDIT_CSV_HEADER = ["id", "time", "actor", "action", "target", "outcome", "request_id", "detail"] as const;

// Every cell quoted (RFC 4180). A spreadsheet may still split a cell where its locale separates
// fields (`;` in much of Europe, tab on paste) or start a row at a line break, so an apostrophe
// goes before a formula starter at the start of the cell and after each of those characters.
const FORMULA_AFTER_BREAK = /([,;\t\r\n])(?=[=+\-@\t\r])/g;
const FORMULA_AT_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_BREAK, "$1'");
  const safe = FORMULA_AT_START.test(inner) ? `'${inner}` : inner;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const auditCsvHeader = (): string => AUDIT_CSV_HEADER.map(csvCell).join(",");

export function auditCsvRow(e: AuditEntry): string {
  return [String(e.id), e.at, e.actor, e.action, e.target, e.outcome, e.requestId ?? "", e.detail ? JSON.stringify(e.detail) : ""]
    .map(csvCell)
    .join(",");
}
