import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ACCESS, ROUTE_ACCESS } from "../../lib/auth/route-access";
import { PERMISSIONS } from "../../lib/permissions";

const ROOT = path.resolve(__dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

/** `app/(console)/api/x/[id]/route.ts` → `/api/x/[id]`. */
function urlOf(file: string): string {
  const parts = rel(file).split("/").slice(1, -1).filter((p) => !/^\(.*\)$/.test(p) && !p.startsWith("@"));
  return `/${parts.join("/")}`;
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const patterns = [/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g, /export\s+(?:const|let|var)\s+([A-Z]+)\b/g];
  for (const re of patterns) for (const m of source.matchAll(re)) if (METHODS.includes(m[1])) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).at(-1)!)) if (METHODS.includes(name)) found.add(name);
  }
  return [...found].sort();
}

const routeFiles = walk(path.join(ROOT, "app")).filter((f) => /\/route\.tsx?$/.test(f));
const codeRoutes = routeFiles.flatMap((f) => exportedMethods(fs.readFileSync(f, "utf8")).map((method) => ({ method, path: urlOf(f), file: f })));

const serverActionFiles = ["app", "components", "lib"].flatMap((d) => walk(path.join(ROOT, d))).filter((f) => /^\s*["']use server["'];?\s*$/m.test(fs.readFileSync(f, "utf8")));
const codeActions = serverActionFiles.flatMap((f) => {
  const src = fs.readFileSync(f, "utf8");
  const names = [...src.matchAll(/export\s+(?:async\s+function|const)\s+([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  return names.map((n) => `${rel(f)}#${n}`);
});

describe("access matrix", () => {
  it("finds the console's own route handlers (the scan works)", () => {
    expect(codeRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(["POST /api/auth/login", "PATCH /api/auth/users/[id]", "GET /api/audit/export"]));
  });

  it("has exactly one entry for every route handler in the code, and none for routes that no longer exist", () => {
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    const inCode = codeRoutes.map(key).sort();
    const inTable = ROUTE_ACCESS.map(key).sort();
    expect(inTable.filter((k, i) => inTable.indexOf(k) !== i), "duplicate entries").toEqual([]);
    expect(inCode.filter((k) => !inTable.includes(k)), "routes without an entry in lib/auth/route-access.ts").toEqual([]);
    expect(inTable.filter((k) => !inCode.includes(k)), "entries for routes that do not exist").toEqual([]);
  });

  it("has an entry for every exported server action", () => {
    const inTable = ACTION_ACCESS.map((a) => a.action);
    expect(codeActions.filter((a) => !inTable.includes(a)), "server actions without an entry").toEqual([]);
    expect(inTable.filter((a) => !codeActions.includes(a)), "entries for actions that do not exist").toEqual([]);
  });

  it("declares its access in each handler, through apiRoute, matching its row", async () => {
    // The declaration is read from the module itself: a handler not built by apiRoute has no
    // `access`, and a row that says otherwise than the code fails here.
    const declared: string[] = [];
    for (const r of codeRoutes) {
      const mod = (await import(r.file)) as Record<string, { access?: unknown } | undefined>;
      const access = mod[r.method]?.access;
      expect([...PERMISSIONS, "public"], `${rel(r.file)} ${r.method} must be apiRoute({ permission }, …)`).toContain(access);
      declared.push(`${r.method} ${r.path} ${String(access)}`);
    }
    expect(declared.sort()).toEqual(ROUTE_ACCESS.map((e) => `${e.method} ${e.path} ${e.access}`).sort());
  }, 60_000);

  it("leaves authorisation to apiRoute: no route file calls authorizeRequest", () => {
    for (const f of routeFiles) expect(fs.readFileSync(f, "utf8"), rel(f)).not.toMatch(/authorizeRequest/);
  });

  it("gives dynamic routes a concrete probe path", () => {
    for (const e of ROUTE_ACCESS) if (e.path.includes("[")) expect(e.probe?.path, `${e.method} ${e.path}`).toMatch(/^\/[^[\]]+$/);
  });
});
