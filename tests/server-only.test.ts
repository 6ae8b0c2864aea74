import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every module that holds credentials or touches the store starts with `import "server-only"`,
// so a client component that imports one fails the build instead of shipping it to the browser.

const ROOT = path.resolve(__dirname, "..");
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(full);
  }
  return out;
}

/** Whole folders whose modules all hold credentials or reach the store. */
const SERVER_FOLDERS = ["lib/db", "lib/auth", "lib/http", "lib/credentials", "lib/approvals/store"];
const SERVER_FILES = ["lib/env.ts", "lib/cloud/ram-gateway.ts", "lib/cloud/eas-gateway.ts", "lib/cloud/sts-client.ts", "lib/cloud/create-cloud.ts", "lib/cloud/client-config.ts", "lib/cloud/index.ts", "lib/audit/index.ts"];

/** Pure modules inside those folders, and why they may reach the browser or test tools. */
const PURE: Record<string, string> = {
  "lib/auth/permissions.ts": "the permission table; the navigation and the e2e access matrix read it",
  "lib/auth/route-access.ts": "the route table; the e2e access matrix reads it",
  "lib/auth/actor.ts": "who a data-layer call acts for; no store, no credentials",
  "lib/auth/demo-users.ts": "the demo passwords, published in README and shown on the demo login page; e2e fixtures read them",
  "lib/auth/user-rules.ts": "the rules of a console user's fields; the users page checks them before sending",
};

/** Imports that mean a module touches the store or credentials wherever it lives. */
const TOUCHES = [/from "better-sqlite3"/, /from "@alicloud\/credentials"/, /from "pg"/, /from "(\.\.?\/)+db(\/index)?"/, /\bgetStores\(/, /\bgetCloud\(/, /\bgetEnv\(/];

const HEAD = /^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/\s*\n)*\s*import "server-only";/;

describe('import "server-only"', () => {
  const files = walk(path.join(ROOT, "lib"));
  const listed = files.filter((f) => SERVER_FOLDERS.some((d) => rel(f).startsWith(`${d}/`)) || SERVER_FILES.includes(rel(f)));

  it("finds the modules it guards (the scan works)", () => {
    expect(listed.map(rel)).toEqual(expect.arrayContaining(["lib/env.ts", "lib/db/index.ts", "lib/auth/session.ts", "lib/cloud/ram-gateway.ts"]));
  });

  it("opens every module of the store, auth and the gateways", () => {
    const missing = listed.filter((f) => !PURE[rel(f)] && !HEAD.test(fs.readFileSync(f, "utf8"))).map(rel);
    expect(missing, 'modules that must start with import "server-only"').toEqual([]);
  });

  it("opens every other module that reaches the store, the credentials or the environment", () => {
    const missing = files
      .filter((f) => !PURE[rel(f)])
      .filter((f) => TOUCHES.some((re) => re.test(fs.readFileSync(f, "utf8"))))
      .filter((f) => !HEAD.test(fs.readFileSync(f, "utf8")))
      .map(rel);
    expect(missing, 'modules that touch the store, credentials or env without import "server-only"').toEqual([]);
  });

  it("keeps the pure exceptions free of store and credential imports", () => {
    for (const f of Object.keys(PURE)) {
      const src = fs.readFileSync(path.join(ROOT, f), "utf8");
      expect(TOUCHES.some((re) => re.test(src)), f).toBe(false);
    }
  });
});
