// Bundle benchmark: the JavaScript each console route makes the browser load, gzipped (-9).
// Builds first when the dist dir holds no production build, then starts its own emulator (demo
// seed) and `next start` on free ports, signs in as the demo admin and reads each route's HTML:
// every chunk it names (<script src> and the client-component chunks in the inline RSC payload).
// Routes come from the build's app-paths manifest, so a new page is measured without an edit here.
import { spawn, spawnSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createEmulator } from "../emulator/server";
import { freePort } from "../tests/support/free-port";

const BUDGET_KB = 230;
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const ADMIN = { username: "alice", password: "alice-demo-pass" };

// A value for each dynamic segment, taken from the demo seed. A dynamic route missing here fails the run.
const SAMPLES: Record<string, string> = {
  "/services/[region]/[name]": "/services/cn-hangzhou/fraud-detector",
  "/roles/[name]": "/roles/eas-oss-reader",
  // `:request` is a PassRole request bob makes once the console runs (the demo seed holds none).
  "/approvals/[id]": "/approvals/:request",
};

/** Console pages of the build, as URL patterns: `/(console)/services/(list)/page` → `/services`. */
function consoleRoutes(manifest: Record<string, string>): string[] {
  return Object.keys(manifest)
    .filter((key) => key.startsWith("/(console)/") && key.endsWith("/page"))
    .map((key) => key.replace(/\/page$/, "").split("/").filter((seg) => seg && !/^\(.*\)$/.test(seg)))
    .map((segs) => `/${segs.join("/")}`)
    .sort();
}

function sampleUrl(route: string): string {
  if (!route.includes("[")) return route;
  const url = SAMPLES[route];
  if (!url) throw new Error(`bundle: no sample value for dynamic route ${route}: add one to SAMPLES in bench/bundle.ts`);
  return url;
}

/** Script chunks a page's HTML makes the browser fetch at once: script tags and the RSC payload's client chunks. */
function chunkPaths(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(m[1].replace(/&amp;/g, "&"));
  for (const m of html.matchAll(/\/_next\/static\/[^"'\s\\]+?\.js/g)) found.add(m[0]);
  return [...found].map((src) => new URL(src, "http://x").pathname).filter((p) => p.endsWith(".js"));
}


// The emulator runs in a process of its own, so the console's requests never wait on the bench's event loop.
const CHILD_FLAG = "--emulator-process";

async function runEmulatorProcess(): Promise<void> {
  const emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  process.send?.({ port: emulator.port });
  process.once("message", () => void emulator.close().then(() => process.exit(0)));
}

function startEmulator(): Promise<{ port: number; child: ChildProcess }> {
  const child = fork(__filename, [CHILD_FLAG], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.once("message", (m: { port: number }) => resolve({ port: m.port, child }));
  });
}

async function waitFor(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function signIn(base: string, user: { username: string; password: string } = ADMIN): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`sign-in as ${user.username}: HTTP ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** A pending PassRole request for the review page to show. */
async function askAsBob(base: string): Promise<string> {
  const cookie = await signIn(base, { username: "bob", password: "bob-demo-pass" });
  const res = await fetch(`${base}/api/passrole-requests`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ roleName: "eas-restricted", reason: "bundle benchmark", duration: "7d" }),
  });
  if (res.status !== 201) throw new Error(`PassRole request as bob: HTTP ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

async function measure(base: string, cookie: string, routes: string[], requestId: string): Promise<{ route: string; bytes: number }[]> {
  const sizes = new Map<string, number>();
  const gzipped = async (path: string) => {
    if (!sizes.has(path)) {
      const res = await fetch(`${base}${path}`);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      sizes.set(path, gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length);
    }
    return sizes.get(path)!;
  };
  const out = [];
  for (const route of routes) {
    const url = sampleUrl(route).replace(":request", requestId);
    const res = await fetch(`${base}${url}`, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}, expected the page`);
    const html = await res.text();
    // An error state ships less than the page itself: measuring it would flatter the page.
    if (html.includes('role="alert"')) throw new Error(`${url}: the page shows an error state, not its content`);
    let bytes = 0;
    for (const path of chunkPaths(html)) bytes += await gzipped(path);
    out.push({ route, bytes });
  }
  return out;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

async function main(): Promise<void> {
  if (!existsSync(join(DIST_DIR, "BUILD_ID"))) {
    console.log(`bundle: no production build in ${DIST_DIR}; running next build`);
    const built = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
  }
  const manifest = JSON.parse(readFileSync(join(DIST_DIR, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const routes = consoleRoutes(manifest);
  routes.forEach(sampleUrl); // fail before starting anything

  const dataDir = mkdtempSync(join(tmpdir(), "rolescope-bundle-"));
  const emulator = await startEmulator();
  const port = await freePort();
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      ROLESCOPE_CLOUD: "emulator",
      ROLESCOPE_DEMO: "true",
      EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`,
      DB_PATH: join(dataDir, "rolescope.db"),
    },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, server, 60_000);
    const results = await measure(base, await signIn(base), routes, await askAsBob(base));
    for (const r of results) console.log(`bundle: ${r.route} ${kB(r.bytes)} kB gz`);
    const max = results.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`bundle: max ${kB(max.bytes)} kB gz (${max.route})`);
    if (max.bytes / 1000 > BUDGET_KB) {
      console.error(`bundle: ${max.route} loads more than the ${BUDGET_KB} kB gz budget`);
      process.exitCode = 1;
    }
  } finally {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGTERM");
    emulator.child.removeAllListeners("exit");
    emulator.child.send("close");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes(CHILD_FLAG)) {
  void runEmulatorProcess();
} else {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
