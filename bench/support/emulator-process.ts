// The child of startEmulatorProcess: an emulator on a free port, until the parent says close.
import { createEmulator } from "../../emulator/server";

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? "{}") as { seed: "demo" | "empty"; deployDelayMs?: number };
  const emulator = await createEmulator({ port: 0, seed: opts.seed, ...(opts.deployDelayMs !== undefined ? { deployDelayMs: opts.deployDelayMs } : {}), log: () => {} });
  process.send?.({ url: emulator.url, port: emulator.port, regionPorts: emulator.regionPorts });
  process.once("message", () => void emulator.close().then(() => process.exit(0)));
}

void main();
