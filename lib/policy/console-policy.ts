import { POLICY_VERSION } from "./limits";
import type { PolicyDocument, Statement } from "./types";

// The RAM policy the console's own identity needs, built from the list of operations its
// gateways call (lib/cloud/operations.ts): read-only mode needs the reads, full mode everything.
// Structural input, so the pure policy engine does not depend on the gateways.

export type ConsolePolicyMode = "read-only" | "full";

export interface PolicyOperation {
  action: string | null;
  /** One resource, or several forms of it (EAS names a service in a dedicated resource group another way). */
  resource: string | readonly string[];
  kind: "read" | "write";
  alsoRequires?: { action: string; resource: string; condition?: Record<string, Record<string, string>> }[];
}

export interface ConsolePolicyOptions {
  mode: ConsolePolicyMode;
  /** EAS regions to allow; every region (`*`) when empty. */
  regions?: readonly string[];
}

interface Grant {
  action: string;
  resources: string[];
  condition?: Record<string, Record<string, string>>;
}

function resourcesFor(resource: string | readonly string[], regions: readonly string[]): string[] {
  if (typeof resource !== "string") return resource.flatMap((r) => resourcesFor(r, regions));
  const template = resource;
  if (!template.includes("{region}")) return [template];
  return regions.length === 0 ? [template.replace("{region}", "*")] : regions.map((r) => template.replace("{region}", r));
}

function grantsOf(ops: readonly PolicyOperation[], opts: ConsolePolicyOptions): Grant[] {
  const regions = opts.regions ?? [];
  const wanted = ops.filter((o) => opts.mode === "full" || o.kind === "read");
  const grants: Grant[] = [];
  for (const op of wanted) {
    if (op.action) grants.push({ action: op.action, resources: resourcesFor(op.resource, regions) });
    for (const extra of op.alsoRequires ?? []) grants.push({ action: extra.action, resources: resourcesFor(extra.resource, regions), condition: extra.condition });
  }
  return grants;
}

/**
 * One statement per distinct (resources, condition), its actions sorted; statements ordered by
 * their resources, so the same table always gives the same text.
 */
export function buildConsolePolicy(ops: readonly PolicyOperation[], opts: ConsolePolicyOptions): PolicyDocument {
  const byKey = new Map<string, { resources: string[]; condition?: Grant["condition"]; actions: Set<string> }>();
  for (const g of grantsOf(ops, opts)) {
    const resources = [...new Set(g.resources)].sort();
    const key = JSON.stringify([resources, g.condition ?? null]);
    const entry = byKey.get(key) ?? { resources, condition: g.condition, actions: new Set<string>() };
    entry.actions.add(g.action);
    byKey.set(key, entry);
  }
  const statements: Statement[] = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, e]) => ({
      Effect: "Allow",
      Action: [...e.actions].sort(),
      Resource: e.resources,
      ...(e.condition
        ? { Condition: Object.fromEntries(Object.entries(e.condition).map(([op, kv]) => [op, Object.fromEntries(Object.entries(kv).map(([k, v]) => [k, [v]]))])) }
        : {}),
    }));
  return { Version: POLICY_VERSION, Statement: statements };
}
