// Several console replicas as they run in production: one emulator, one PostgreSQL, and N
// `next start` processes of one build on their own ports, all with the same DATABASE_URL. Used
// by the replicas integration test and by bench/replicas.ts.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPostgres, testPostgres, type TempPostgres } from "../db/postgres-server";
import { freePort } from "../support/free-port";

const ROOT = path.resolve(__dirname, "../..");
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");


interface Replica {
  name: string;
  port: number;
  url: string;
  log: string;
  process: ChildProcess;
  /** SIGKILL, as a node that dies: no shutdown hook runs. */
  kill(): Promise<void>;
  /** Starts it again on the same port, database and log. */
  restart(): Promise<void>;
  /** What it printed so far. */
  output(): string;
}

export interface Cluster {
  databaseUrl: string;
  emulatorUrl: string;
  replicas: Replica[];
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited (${child.exitCode ?? child.signalCode})`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startEmulator(): Promise<{ port: number; child: ChildProcess }> {
  const child = fork(path.join(__dirname, "emulator-process.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.once("message", (m: { port: number }) => resolve({ port: m.port, child }));
  });
}

export interface ClusterOptions {
  replicas?: number;
  /** Extra environment for every replica. */
  env?: Record<string, string>;
  /** A server of its own with durable commits (the benchmark), rather than the test run's. */
  ownPostgres?: boolean;
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) throw new Error(`no production build in ${DIST_DIR}: run next build first`);
  const server: TempPostgres & { owned: boolean } = opts.ownPostgres ? { ...startPostgres({ durable: true }), owned: true } : testPostgres();
  const databaseUrl = await server.createDatabase();
  const emulator = await startEmulator();
  const dir = mkdtempSync(path.join(tmpdir(), "rolescope-replicas-"));
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
    ROLESCOPE_CLOUD: "emulator",
    ROLESCOPE_DEMO: "true",
    EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`,
    DATABASE_URL: databaseUrl,
    // Never used while DATABASE_URL is set; a path of its own in case it were.
    DB_PATH: path.join(dir, "unused.db"),
    ...opts.env,
  };

  const replica = async (name: string): Promise<Replica> => {
    const port = await freePort();
    const log = path.join(dir, `${name}.log`);
    const launch = () => {
      const out = createWriteStream(log, { flags: "a" });
      const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.pipe(out);
      child.stderr!.pipe(out);
      return child;
    };
    const r: Replica = {
      name,
      port,
      url: `http://127.0.0.1:${port}`,
      log,
      process: launch(),
      async kill() {
        if (r.process.exitCode !== null || r.process.signalCode !== null) return;
        const exited = new Promise((res) => r.process.once("exit", res));
        process.kill(-r.process.pid!, "SIGKILL");
        await exited;
      },
      async restart() {
        await r.kill();
        r.process = launch();
        await waitFor(`${r.url}/api/health`, r.process, 90_000);
      },
      output: () => (existsSync(log) ? readFileSync(log, "utf8") : ""),
    };
    return r;
  };

  const replicas = await Promise.all(Array.from({ length: opts.replicas ?? 2 }, (_, i) => replica(String.fromCharCode(65 + i))));
  try {
    await Promise.all(replicas.map((r) => waitFor(`${r.url}/api/health`, r.process, 90_000)));
  } catch (err) {
    for (const r of replicas) await r.kill();
    emulator.child.kill();
    throw new Error(`${(err as Error).message}\n${replicas.map((r) => `--- ${r.name}\n${r.output()}`).join("\n")}`);
  }
  return {
    databaseUrl,
    emulatorUrl: `http://127.0.0.1:${emulator.port}`,
    replicas,
    async stop() {
      for (const r of replicas) await r.kill();
      emulator.child.removeAllListeners("exit");
      emulator.child.kill();
      if (server.owned) server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in as ${username} on ${base}: HTTP ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

export async function call(base: string, cookie: string, method: string, p: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${p}`, { method, headers: { cookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
