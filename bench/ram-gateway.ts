// Signed RAM calls through createRamGateway against an in-process emulator, at concurrency 1 and 8.
// Run: npx tsx bench/ram-gateway.ts
import { createEmulator } from "../emulator/server";
import { ramGateway } from "../tests/support/cloud/clients";

const DURATION_MS = 3000;

async function run(concurrency: number, call: (i: number) => Promise<unknown>, durationMs = DURATION_MS): Promise<{ calls: number; perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  let i = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await call(i++);
      latencies.push(performance.now() - t0);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { calls: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 50 });
  try {
    const ram = ramGateway(emu.port);
    const roles = (await ram.listAllRoles()).map((r) => r.roleName);
    // Alternate GetRole and a one-page ListRoles, as the role pages do.
    const call = (i: number) => (i % 2 === 0 ? ram.getRole(roles[i % roles.length]) : ram.listRoles({ maxItems: 100 }));
    await run(4, call, 500); // warm-up: JIT and keep-alive sockets
    let best = 0;
    for (const concurrency of [1, 8]) {
      const r = await run(concurrency, call);
      best = Math.max(best, r.perSecond);
      console.log(
        `concurrency ${concurrency}: ${r.calls} calls in ${DURATION_MS / 1000} s, ${r.perSecond.toFixed(0)} calls/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
      );
    }
    console.log(`ram-gateway: ${best.toFixed(0)} calls/s`);
  } finally {
    await emu.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
