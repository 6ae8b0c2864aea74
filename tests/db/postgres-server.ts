// A throwaway PostgreSQL server from the machine's own binaries (Debian's `postgresql` package):
// initdb in a temporary directory, listening on a Unix socket there (no port to collide on),
// trust authentication for the local user `rolescope`. As root, the server runs as the
// `postgres` user, since PostgreSQL refuses to run as root. Used by `npm test` (one server for
// the run, see scripts/test.sh), by test files run on their own, and by bench/replicas.ts.
//
//   npx tsx tests/db/postgres-server.ts start   → prints {"url", "dir"}, leaves the server running
//   npx tsx tests/db/postgres-server.ts stop <dir>
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface TempPostgres {
  /** The server's `postgres` database; `createDatabase` makes one of your own. */
  url: string;
  dir: string;
  createDatabase(name?: string): Promise<string>;
  stop(): void;
}

const SUPERUSER = "rolescope";
const PORT = 5432;

function binDir(): string {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return path.join(root, newest, "bin");
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (found) return path.dirname(found);
  throw new Error("PostgreSQL is not installed: no initdb in /usr/lib/postgresql/*/bin or on PATH (apt-get install -y postgresql, or set POSTGRES_BIN_DIR)");
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function run(bin: string, args: string[]): void {
  const file = path.join(binDir(), bin);
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

export const urlFor = (dir: string, database: string) => `postgres://${SUPERUSER}@localhost/${database}?host=${encodeURIComponent(dir)}&port=${PORT}`;

function handle(dir: string): TempPostgres {
  const url = urlFor(dir, "postgres");
  let n = 0;
  return {
    url,
    dir,
    async createDatabase(name = `rolescope_${process.pid}_${Date.now().toString(36)}_${n++}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(dir, name);
    },
    stop: () => stopPostgres(dir),
  };
}

/**
 * Starts a server in a new temporary directory. `durable: false` (tests) turns off fsync and
 * synchronous commit: a crash of the machine may lose the test data, which is thrown away anyway.
 */
export function startPostgres(opts: { durable?: boolean } = {}): TempPostgres {
  const dir = mkdtempSync(path.join(tmpdir(), "rs-pg-"));
  const data = path.join(dir, "data");
  if (asRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", data, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--no-sync", "--no-instructions"]);
  const fast = opts.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"];
  const options = [`-k ${dir}`, "-c listen_addresses=''", `-p ${PORT}`, "-c max_connections=200", ...fast].join(" ");
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  return handle(dir);
}

export function stopPostgres(dir: string): void {
  try {
    run("pg_ctl", ["-D", path.join(dir, "data"), "-m", "immediate", "-w", "stop"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server `npm test` started for the run, or one of this process's own. */
export function testPostgres(): TempPostgres & { owned: boolean } {
  const dir = process.env.ROLESCOPE_TEST_POSTGRES_DIR;
  if (dir) return { ...handle(dir), owned: false };
  return { ...startPostgres(), owned: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const [command, dir] = process.argv.slice(2);
  if (command === "start") {
    const server = startPostgres({ durable: process.argv.includes("--durable") });
    console.log(JSON.stringify({ url: server.url, dir: server.dir }));
  } else if (command === "stop" && dir) {
    stopPostgres(dir);
  } else {
    console.error("usage: postgres-server.ts start [--durable] | stop <dir>");
    process.exit(2);
  }
}
