// Replicas benchmark: two console replicas (`next start` of one build) on one PostgreSQL
// (started here from Debian's binaries, durable commits) and one emulator. Over HTTP, spread
// over both replicas: an admin approves 120 PassRole requests, 6 at once (each approval is two
// state changes with their audit entries, fresh RAM reads, CreatePolicy and AttachPolicyToUser;
// only the approvals are timed, not the asking and revoking around them), then 200 sign-ins,
// 8 at once (a password hash check and a new session each).
// Prints each phase's figures and `replicas: <n> approvals/s, <r> sign-ins/s`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { call, DIST_DIR, signIn, startCluster } from "../tests/replicas/cluster";

const ROLES = 120;
const SIGN_INS = 200;
const IN_FLIGHT = 8;
const BATCH = 6;
const USERS = [
  ["alice", "alice-demo-pass"],
  ["bob", "bob-demo-pass"],
  ["carol", "carol-demo-pass"],
] as const;

/** Runs `count` jobs with `limit` in flight; returns each one's milliseconds and the whole wall time. */
async function timed(count: number, limit: number, job: (i: number) => Promise<void>): Promise<{ wallMs: number; ms: number[] }> {
  const ms: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await job(i);
        ms.push(performance.now() - t);
      }
    }),
  );
  return { wallMs: performance.now() - start, ms: ms.sort((a, b) => a - b) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(0);
const rate = (n: number, wallMs: number) => (n / (wallMs / 1000)).toFixed(1);

async function main(): Promise<void> {
  if (!existsSync(join(DIST_DIR, "BUILD_ID"))) {
    console.log(`replicas: no production build in ${DIST_DIR}; running next build`);
    const built = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
  }
  const cluster = await startCluster({ ownPostgres: true });
  try {
    const bases = cluster.replicas.map((r) => r.url);
    const on = (i: number) => bases[i % bases.length];
    const seeded = await fetch(`${cluster.emulatorUrl}/_emulator/seed/bulk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ roles: ROLES, services: 0 }) });
    if (!seeded.ok) throw new Error(`bulk seed: HTTP ${seeded.status}`);
    const bob = await Promise.all(bases.map((b) => signIn(b, "bob", "bob-demo-pass")));
    const alice = await Promise.all(bases.map((b) => signIn(b, "alice", "alice-demo-pass")));

    // RAM lets a user hold at most 10 custom policies: grants go in batches, each revoked before the next.
    const approvalMs: number[] = [];
    let approvalWallMs = 0;
    for (let first = 0; first < ROLES; first += BATCH) {
      const ids: string[] = [];
      await timed(BATCH, BATCH, async (j) => {
        const roleName = `bulk-role-${String(first + j).padStart(4, "0")}`;
        const asked = await call(on(j), bob[j % bases.length], "POST", "/api/passrole-requests", { roleName, reason: "benchmark", duration: "1d" });
        if (asked.status !== 201) throw new Error(`request for ${roleName}: HTTP ${asked.status} ${JSON.stringify(asked.json)}`);
        ids[j] = asked.json.id as string;
      });
      const batch = await timed(BATCH, BATCH, async (j) => {
        const done = await call(on(j + 1), alice[(j + 1) % bases.length], "POST", `/api/passrole-requests/${ids[j]}/approve`, {});
        if (done.status !== 200 || done.json.state !== "granted") throw new Error(`approval ${ids[j]}: HTTP ${done.status} ${JSON.stringify(done.json)}`);
      });
      approvalMs.push(...batch.ms);
      approvalWallMs += batch.wallMs;
      await timed(BATCH, BATCH, async (j) => {
        const revoked = await call(on(j), alice[j % bases.length], "POST", `/api/passrole-requests/${ids[j]}/revoke`, {});
        if (revoked.status !== 200) throw new Error(`revoke ${ids[j]}: HTTP ${revoked.status}`);
      });
    }
    const approvals = { wallMs: approvalWallMs, ms: approvalMs.sort((a, b) => a - b) };
    console.log(`replicas: ${ROLES} approvals in ${approvals.wallMs.toFixed(0)} ms, p50 ${pct(approvals.ms, 50)} ms, p95 ${pct(approvals.ms, 95)} ms`);

    const signIns = await timed(SIGN_INS, IN_FLIGHT, async (i) => {
      const [username, password] = USERS[i % USERS.length];
      await signIn(on(i), username, password);
    });
    console.log(`replicas: ${SIGN_INS} sign-ins in ${signIns.wallMs.toFixed(0)} ms, p50 ${pct(signIns.ms, 50)} ms, p95 ${pct(signIns.ms, 95)} ms`);
    console.log(`replicas: ${bases.length} replicas on one PostgreSQL; approvals ${BATCH} at once, sign-ins ${IN_FLIGHT} at once`);
    console.log(`replicas: ${rate(ROLES, approvals.wallMs)} approvals/s, ${rate(SIGN_INS, signIns.wallMs)} sign-ins/s`);
  } finally {
    await cluster.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
