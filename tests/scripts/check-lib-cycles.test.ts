import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { report } from "../../scripts/check-lib-cycles.mjs";

const SCRIPT = join(process.cwd(), "scripts/check-lib-cycles.mjs");
const roots: string[] = [];

/** A project with a tsconfig like ours (the `@/` alias) and the given files. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "lib-cycles-"));
  roots.push(root);
  const all = { "tsconfig.json": JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", paths: { "@/*": ["./*"] } } }), ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function lint(root: string) {
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: "utf8" });
  return { status: run.status, stderr: run.stderr };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

// Each case spawns the script as lint does; TypeScript loads slowly on a busy machine.
describe("check-lib-cycles", { timeout: 60_000 }, () => {
  it("fails on two folders that import each other, a type-only import through the alias included, naming each import", () => {
    const root = project({
      "lib/db/types.ts": 'import type { Role } from "@/lib/auth/roles";\nexport interface UserRow { role: Role }\n',
      "lib/auth/roles.ts": 'import { store } from "../db";\nexport type Role = "admin";\nexport const s = store;\n',
      "lib/db/index.ts": "export const store = 1;\n",
    });
    const { status, stderr } = lint(root);
    expect(status).toBe(1);
    expect(stderr).toContain("Import cycle between lib/ folders: auth, db");
    expect(stderr).toContain("db → auth  (lib/db/types.ts: @/lib/auth/roles)");
    expect(stderr).toContain("auth → db  (lib/auth/roles.ts: ../db)");
  });

  it("finds a loop through three nodes, a top-level file among them, and a dynamic import", () => {
    const root = project({
      "lib/env.ts": 'import { parse } from "./net/hosts";\nexport const env = parse;\n',
      "lib/net/hosts.ts": 'import { x } from "../http/route";\nexport const parse = x;\n',
      "lib/http/route.ts": 'export const x = 1;\nexport const later = () => import("../env");\n',
    });
    const { status, stderr } = lint(root);
    expect(status).toBe(1);
    expect(stderr).toContain("Import cycle between lib/ folders: env, http, net");
    expect(stderr).toContain("http → env  (lib/http/route.ts: ../env)");
  });

  it("passes a layered lib/, where imports inside a folder and from tests do not count", () => {
    const root = project({
      "lib/errors/app-error.ts": "export class AppError extends Error {}\n",
      "lib/db/index.ts": 'import { AppError } from "../errors/app-error";\nimport { helper } from "./helper";\nexport const store = [AppError, helper];\n',
      "lib/db/helper.ts": 'import { store } from "./index";\nexport const helper = () => store;\n',
      "lib/errors/app-error.test.ts": 'import { store } from "../db";\nexport const t = store;\n',
    });
    expect(lint(root)).toEqual({ status: 0, stderr: "" });
  });

  it("finds no cycle between the folders of this repository's lib/", () => {
    expect(report(process.cwd())).toEqual([]);
  });
});
