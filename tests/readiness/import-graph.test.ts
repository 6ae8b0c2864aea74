import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The folders of lib/ as a graph: an edge for every import from one folder into another (types
// included, since a type import still ties the two together). No cycle may run through it, and
// the pure folders import only pure folders, never the cloud, the store or `server-only`.

const ROOT = resolve(__dirname, "../..");
const LIB = join(ROOT, "lib");
const PURE = ["policy", "service-config", "readiness", "diagnosis"];
/** The folders this check holds to no cycle among themselves. Cycles through other folders remain (cloud, credentials, env; auth, audit, db; auth and inventory). */
const OWNED = ["policy", "service-config", "readiness", "diagnosis", "inventory", "preflight", "wizard", "fixes"];
/** The cloud's wire shapes: declarations only, which a pure folder may name as types. */
/** Single files of other folders that are pure themselves: zod-rules and render word rules from the catalogs (JSON and use-intl). */
const PURE_FILES = /^lib\/errors\/(zod-rules|render)\.ts$/;
const CLOUD_SHAPES = /^lib\/(?:cloud\/(?:ram-types|eas-types|trail-types|common)|errors\/cloud-error)\.ts$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

function statements(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type)?\b[^'";]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']/g)].map((m) => ({ spec: m[3] ?? m[4], typeOnly: Boolean(m[2]) }));
}
const imports = (file: string) => statements(file).map((s) => s.spec);

/** lib/<folder>/… → folder; anything outside lib → undefined. */
function folderOf(spec: string, from: string): string | undefined {
  const abs = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : undefined;
  if (!abs) return undefined;
  const rel = relative(LIB, abs);
  if (rel.startsWith("..")) return undefined;
  return rel.split(/[\\/]/)[0].replace(/\.tsx?$/, "");
}

function graph(): Map<string, Map<string, string>> {
  const g = new Map<string, Map<string, string>>();
  for (const file of files(LIB)) {
    const from = relative(LIB, file).split(/[\\/]/)[0].replace(/\.tsx?$/, "");
    for (const spec of imports(file)) {
      const to = folderOf(spec, file);
      if (!to || to === from) continue;
      const edges = g.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, relative(ROOT, file));
      g.set(from, edges);
    }
  }
  return g;
}

function cycles(g: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const m of g.get(n)?.keys() ?? []) {
      if (state.get(m) === "open") found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of g.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe("the import graph of lib/", () => {
  it("has no cycle between the folders of the readiness engine and its users", () => {
    const g = graph();
    const found = cycles(g).filter((c) => c.every((n) => OWNED.includes(n))).map((c) => c.map((n, i) => (i < c.length - 1 ? `${n} (${g.get(n)!.get(c[i + 1])})` : n)).join(" → "));
    expect(found).toEqual([]);
  });

  it("keeps the pure folders pure: they import only pure folders and never server-only", () => {
    const bad = files(LIB)
      .filter((f) => PURE.includes(relative(LIB, f).split(/[\\/]/)[0]))
      .flatMap((f) =>
        statements(f).flatMap(({ spec, typeOnly }) => {
          const to = folderOf(spec, f);
          if (!to || PURE.includes(to)) return [];
          const target = relative(ROOT, resolve(dirname(f), spec)) + ".ts";
          return PURE_FILES.test(target) || (typeOnly && CLOUD_SHAPES.test(target)) ? [] : [`${relative(ROOT, f)} → ${spec}`];
        }),
      );
    const serverOnly = files(LIB).filter((f) => PURE.includes(relative(LIB, f).split(/[\\/]/)[0]) && imports(f).includes("server-only")).map((f) => relative(ROOT, f));
    expect([...bad, ...serverOnly]).toEqual([]);
  });
});
