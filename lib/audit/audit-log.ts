import type { AuditEntry, AuditFilters, AuditOutcome, AuditStore } from "../db/types";

export interface AuditInput {
  /** Console username, or `anonymous` / `system`. */
  actor: string;
  /** Dotted verb, e.g. `auth.login`, `users.role_change`, `ram.update_trust`. */
  action: string;
  target: string;
  outcome: AuditOutcome;
  /** The cloud's RequestId for cloud writes. */
  requestId?: string;
  detail?: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

const SECRET_KEY = /secret|password|token|credential|session|hash/i;
const MAX_DETAIL_CHARS = 4000;

// A detail object is written as given, except that anything named like a secret is masked:
// the audit log is read by people who must not learn credentials from it.
export function redactDetail(value: unknown, depth = 0): unknown {
  if (depth > 5) return "[nested]";
  if (Array.isArray(value)) return value.map((v) => redactDetail(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redactDetail(v, depth + 1)]),
    );
  }
  return value;
}

function clampDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!detail) return null;
  const redacted = redactDetail(detail) as Record<string, unknown>;
  const text = JSON.stringify(redacted);
  return text.length > MAX_DETAIL_CHARS ? { truncated: text.slice(0, MAX_DETAIL_CHARS) } : redacted;
}

export function createAuditLog(store: AuditStore, now: () => Date = () => new Date()) {
  return {
    append(input: AuditInput): Promise<AuditEntry> {
      return store.append({
        at: now().toISOString(),
        actor: input.actor,
        action: input.action,
        target: input.target,
        outcome: input.outcome,
        requestId: input.requestId ?? null,
        detail: clampDetail(input.detail),
      });
    },
    async list(filters: AuditFilters, page: { page: number; pageSize: number }): Promise<AuditPage> {
      const pageSize = Math.min(Math.max(1, Math.floor(page.pageSize)), 500);
      const current = Math.max(1, Math.floor(page.page));
      const { entries, total } = await store.list(filters, (current - 1) * pageSize, pageSize);
      return { entries, total, page: current, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
