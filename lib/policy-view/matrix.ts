import type { Effect, NamedPolicy } from "../policy/types";

// Permissions as a grid: one row per action pattern (grouped by service code), one column per
// resource pattern, each cell the statements that pair them. Deny wins a cell, as it wins a request.

interface MatrixRef {
  policy: string;
  statementIndex: number;
  effect: Effect;
  conditional: boolean;
}

export interface MatrixCell {
  effect: Effect;
  /** The action or the resource is a pattern (`*`, `?`), so the cell covers more than one thing. */
  wildcard: boolean;
  refs: MatrixRef[];
}

interface MatrixRow {
  key: string;
  label: string;
  /** `NotAction`: the row stands for every action except those listed. */
  negated: boolean;
  wildcard: boolean;
  /** Cells by column key. */
  cells: Record<string, MatrixCell>;
}

interface MatrixColumn {
  key: string;
  label: string;
  negated: boolean;
  wildcard: boolean;
}

interface MatrixGroup {
  service: string;
  rows: MatrixRow[];
}

export interface PermissionMatrix {
  columns: MatrixColumn[];
  groups: MatrixGroup[];
}

const hasWildcard = (s: string) => /[*?]/.test(s);

/** `*` in an ARN's region or account is the norm (OSS has neither), so only the resource id counts. */
export function resourceHasWildcard(resource: string): boolean {
  const parts = resource.split(":");
  return parts[0] === "acs" && parts.length >= 5 ? hasWildcard(parts.slice(4).join(":")) : hasWildcard(resource);
}

/** `oss:GetObject` → `oss`; a bare `*` (every service) → `*`. */
export function serviceOf(action: string): string {
  const i = action.indexOf(":");
  return i < 0 ? action.toLowerCase() : action.slice(0, i).toLowerCase();
}

function axis(values: string[] | undefined, notValues: string[] | undefined): { key: string; label: string; negated: boolean }[] {
  if (notValues?.length) {
    const label = notValues.join(", ");
    return [{ key: `not:${label.toLowerCase()}`, label, negated: true }];
  }
  return (values ?? []).map((v) => ({ key: v.toLowerCase(), label: v, negated: false }));
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, "en");
// The whole-account column first, then the rest alphabetically.
const columnOrder = (a: MatrixColumn, b: MatrixColumn) => (a.label === "*" ? -1 : b.label === "*" ? 1 : byLabel(a, b));

export function buildPermissionMatrix(policies: NamedPolicy[]): PermissionMatrix {
  const columns = new Map<string, MatrixColumn>();
  const rows = new Map<string, MatrixRow & { service: string }>();
  for (const policy of policies) {
    policy.document.Statement.forEach((s, statementIndex) => {
      const conditional = s.Condition !== undefined && Object.keys(s.Condition).length > 0;
      const ref: MatrixRef = { policy: policy.name, statementIndex, effect: s.Effect, conditional };
      const resources = axis(s.Resource, s.NotResource);
      for (const a of axis(s.Action, s.NotAction)) {
        const service = a.negated ? "*" : serviceOf(a.label);
        const row = rows.get(a.key) ?? { ...a, service, wildcard: a.negated || hasWildcard(a.label), cells: {} };
        rows.set(a.key, row);
        for (const r of resources) {
          const column = columns.get(r.key) ?? { ...r, wildcard: r.negated || resourceHasWildcard(r.label) };
          columns.set(r.key, column);
          const cell = row.cells[r.key] ?? { effect: "Allow", wildcard: row.wildcard || column.wildcard, refs: [] };
          cell.refs.push(ref);
          if (s.Effect === "Deny") cell.effect = "Deny";
          row.cells[r.key] = cell;
        }
      }
    });
  }
  const groups = new Map<string, MatrixRow[]>();
  for (const { service, ...row } of rows.values()) groups.set(service, [...(groups.get(service) ?? []), row]);
  return {
    columns: [...columns.values()].sort(columnOrder),
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a === "*" ? -1 : b === "*" ? 1 : a.localeCompare(b, "en")))
      .map(([service, list]) => ({ service, rows: list.sort(byLabel) })),
  };
}
