import { z } from "zod";
import { ruleKindOf, type RuleKind } from "../errors/zod-rules";
import type { Paged, RoleHealth, RoleRow, ServiceListingRow } from "./types";

// List queries as they appear in the URL: the page's address and the route handler's input are
// the same string, so a filtered view is a link anyone can open.

const csv = z
  .string()
  .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z]{2,}-[a-z0-9-]+$/, "regionFormat")));

const text = z.string().trim().max(200).optional();
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);

const SERVICE_SORTS = ["name", "-name", "status", "-status", "updated", "-updated", "region", "-region", "role", "-role", "health", "-health"] as const;
const ROLE_SORTS = ["name", "-name", "services", "-services", "created", "-created"] as const;

export const servicesQuerySchema = z
  .object({
    region: csv.optional(),
    q: text,
    status: z.string().regex(/^[A-Za-z]+$/).max(40).optional(),
    mode: z.enum(["none", "default", "custom"]).optional(),
    health: z.enum(["ok", "problem", "none"]).optional(),
    sort: z.enum(SERVICE_SORTS).default("name"),
    page,
    pageSize,
    /** `none`: the rows from EAS's list alone, without health and cause (answered in seconds on a slow cloud). */
    facts: z.enum(["none"]).optional(),
  })
  // Which rows a health filter keeps, and their order by health, are known only with the facts.
  .refine((q) => q.facts !== "none" || (!q.health && q.sort.replace(/^-/, "") !== "health"), { path: ["facts"], message: "factsWithHealth" });
export type ServicesQuery = z.infer<typeof servicesQuerySchema>;

export const rolesQuerySchema = z.object({
  q: text,
  eas: z.enum(["yes", "no"]).optional(),
  sort: z.enum(ROLE_SORTS).default("name"),
  page,
  pageSize,
});
export type RolesQuery = z.infer<typeof rolesQuerySchema>;

/** URLSearchParams → plain object, empty values dropped (an empty box means "no filter"). */
export function paramsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") out[k] = v;
  return out;
}

/** A page's `searchParams` → plain object: the first value of each key, empty values dropped. */
export function searchParamsToObject(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first !== "") out[k] = first;
  }
  return out;
}

/** A URL parameter a list could not use, and the rule it broke. */
export interface RefusedParam {
  name: string;
  value: string;
  kind: RuleKind;
}

/**
 * A list page's query from its URL. A parameter the schema refuses is left out, so the list
 * shows its default for it (a shared link with a stale or mistyped filter still opens), and
 * comes back in `refused` for the page to say so. The route handlers stay strict.
 */
export function readListQuery<S extends z.ZodType<object>>(schema: S, raw: Record<string, string>): { query: z.infer<S>; refused: RefusedParam[] } {
  const kept = { ...raw };
  const refused: RefusedParam[] = [];
  for (;;) {
    const parsed = schema.safeParse(kept);
    if (parsed.success) return { query: parsed.data, refused };
    const bad = new Map<string, z.core.$ZodIssue>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "");
      if (Object.hasOwn(kept, name) && !bad.has(name)) bad.set(name, issue);
    }
    // Every parameter is valid, yet the schema refuses: a defect of the schema, not of the URL.
    if (bad.size === 0) throw parsed.error;
    for (const [name, issue] of bad) {
      refused.push({ name, value: kept[name], kind: ruleKindOf(issue) });
      delete kept[name];
    }
  }
}

const compareText = (a: string, b: string) => a.localeCompare(b, "en");

function pageOf<T>(items: T[], page: number, pageSize: number, fetchedAt: number): Paged<T> {
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const p = Math.min(page, last);
  return { items: items.slice((p - 1) * pageSize, p * pageSize), total: items.length, page: p, pageSize, fetchedAt };
}

function sorted<T>(items: T[], sort: string, key: (item: T) => string | number, tie: (item: T) => string): T[] {
  const dir = sort.startsWith("-") ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : compareText(String(ka), String(kb));
    return c !== 0 ? dir * c : compareText(tie(a), tie(b));
  });
}

// Worst first when sorted ascending: a service that failed, then one that is stuck waiting, then
// deployments under way, then stopped, then running.
const STATUS_SEVERITY: Record<string, number> = { Failed: 0, DeleteFailed: 0, Waiting: 1, Stopped: 3, Running: 4, Completed: 4 };
const statusSeverity = (status: string) => (Object.hasOwn(STATUS_SEVERITY, status) ? STATUS_SEVERITY[status] : 2);
const HEALTH_ORDER: Record<RoleHealth["state"], number> = { problem: 0, none: 1, ok: 2 };

/** Full rows, or listing rows (no health) for a query that neither filters nor sorts by health. */
export function queryServices<R extends ServiceListingRow & { health?: RoleHealth }>(rows: R[], q: ServicesQuery, fetchedAt: number): Paged<R> {
  const needle = q.q?.toLowerCase();
  const filtered = rows.filter(
    (r) =>
      (!q.region || q.region.includes(r.region)) &&
      (!q.status || r.status.toLowerCase() === q.status.toLowerCase()) &&
      (!q.mode || r.roleMode === q.mode) &&
      (!q.health || r.health?.state === q.health) &&
      (!needle || r.name.toLowerCase().includes(needle) || (r.roleName ?? "").toLowerCase().includes(needle)),
  );
  const field = q.sort.replace(/^-/, "");
  const key = (r: R): string | number => {
    switch (field) {
      case "status":
        return statusSeverity(r.status);
      case "updated":
        return Date.parse(r.updateTime) || 0;
      case "region":
        return r.region;
      // Services without a role sort after every role name.
      case "role":
        return r.roleName ?? "\uffff";
      case "health":
        return r.health ? HEALTH_ORDER[r.health.state] : 0;
      default:
        return r.name;
    }
  };
  return pageOf(sorted(filtered, q.sort, key, (r) => `${r.name}/${r.region}`), q.page, q.pageSize, fetchedAt);
}

export function queryRoles(rows: RoleRow[], q: RolesQuery, fetchedAt: number): Paged<RoleRow> {
  const needle = q.q?.toLowerCase();
  const filtered = rows.filter(
    (r) =>
      (!q.eas || r.easCanAssume === (q.eas === "yes")) &&
      (!needle || r.name.toLowerCase().includes(needle) || r.description.toLowerCase().includes(needle)),
  );
  const field = q.sort.replace(/^-/, "");
  const key = (r: RoleRow) => (field === "services" ? r.usedBy.length : field === "created" ? Date.parse(r.createDate) || 0 : r.name);
  return pageOf(sorted(filtered, q.sort, key, (r) => r.name), q.page, q.pageSize, fetchedAt);
}
