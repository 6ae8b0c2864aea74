// What the inventory and diagnosis benchmarks share: the injected latency and limit, the
// emulator's control API, and the critical-path bound of the services list.
import { fork } from "node:child_process";
import path from "node:path";
import { DEFAULT_CLOUD_CONCURRENCY } from "../../lib/async/pool";

export const LATENCY_MS = 30;
export const LIMIT = DEFAULT_CLOUD_CONCURRENCY;
export type Calls = Record<string, number>;

export async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** How many rounds of `calls` the limit allows at once. */
export const waves = (calls: number) => Math.ceil(calls / LIMIT);
export const n = (c: Calls, op: string) => c[op] ?? 0;
export const formatCalls = (c: Calls) => Object.entries(c).sort().map(([k, v]) => `${k} ${v}`).join(", ");

/**
 * The stages of the services list (and of the fleet view built on it): page 1 of each region
 * with the role, user and group lists; the other pages; per distinct role (GetRole,
 * ListPoliciesForRole), deploying user and group; then GetPolicy per distinct policy.
 */
export function servicesBound(c: Calls, regions: number): number {
  const stages = [
    regions + n(c, "ListRoles") + n(c, "ListUsers") + n(c, "ListGroups"),
    n(c, "ListServices") - regions,
    n(c, "GetRole") + n(c, "ListPoliciesForRole") + n(c, "ListPoliciesForUser") + n(c, "ListUsersForGroup") + n(c, "ListPoliciesForGroup"),
    n(c, "GetPolicy"),
  ];
  return stages.reduce((sum, k) => sum + waves(k), 0) * LATENCY_MS;
}

/** Times `run` from zeroed call stats, and answers the calls it made. */
export async function measure<T>(url: string, run: () => Promise<T>): Promise<{ ms: number; calls: Calls; total: number; value: T }> {
  await control(url, "DELETE", "/_emulator/stats");
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const stats = (await control(url, "GET", "/_emulator/stats")) as { total: number; calls: Calls };
  return { ms, calls: stats.calls, total: stats.total, value };
}

export interface EmulatorProcess {
  url: string;
  port: number;
  regionPorts: Record<string, number>;
  close(): Promise<void>;
}

/**
 * The emulator stands for the remote cloud: it runs in a process of its own, so that its CPU
 * time is not charged to the loaders' event loop.
 */
export function startEmulatorProcess(opts: { seed: "demo" | "empty"; deployDelayMs?: number }): Promise<EmulatorProcess> {
  const child = fork(path.join(__dirname, "emulator-process.ts"), [JSON.stringify(opts)], { execArgv: ["--conditions=react-server", "--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.once("message", (m: Omit<EmulatorProcess, "close">) =>
      resolve({
        ...m,
        close: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.send("close");
          }),
      }),
    );
  });
}
