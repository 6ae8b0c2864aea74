import "server-only";
import { processSingleton } from "./process-singleton";

// The console's side of the emulator's ports, beside the configuration that names the emulator
// (lib/env.ts: EMULATOR_ENDPOINT, ROLESCOPE_REGIONS).
// The emulator serves RAM, STS and its control API on one base port, and each EAS region on
// its own port after it (base + 1 + index), since an unmodified EAS client names no region
// in CreateService or ListServices: like the real regional endpoints, the endpoint is the region.

export const DEFAULT_EMULATOR_PORT = 4610;
export const DEFAULT_REGIONS = ["cn-hangzhou", "ap-southeast-1"] as const;

/** What these functions read of the validated environment (lib/env.ts builds its defaults from the ones above). */
interface EmulatorSettings {
  EMULATOR_ENDPOINT: string;
  ROLESCOPE_REGIONS: readonly string[];
}

function easPortFor(basePort: number, regions: readonly string[], region: string): number {
  const i = regions.indexOf(region);
  if (i < 0) throw new Error(`region ${region} is not served by the emulator (regions: ${regions.join(", ")})`);
  return basePort + 1 + i;
}

// In emulator mode each EAS region has its own port, in the order the emulator was started
// with (`--regions`). The console learns that map from the emulator at start-up and refuses a
// configured region the emulator does not serve, instead of failing every EAS call later.

/** The map learned at start-up, for every bundle of the process. */
const learned = () => processSingleton("emulator-region-ports", () => ({ ports: undefined as Record<string, number> | undefined }));

export class EmulatorRegionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmulatorRegionsError";
  }
}

interface Health {
  regions?: string[];
  regionPorts?: Record<string, number>;
}

/** The region → port map the emulator reports, checked against ROLESCOPE_REGIONS. */
export function regionPortsFrom(env: EmulatorSettings, health: Health): Record<string, number> {
  const base = Number(env.EMULATOR_ENDPOINT.split(":")[1]);
  const served = health.regionPorts ?? Object.fromEntries((health.regions ?? []).map((r, i) => [r, base + 1 + i]));
  const missing = env.ROLESCOPE_REGIONS.filter((r) => !Object.hasOwn(served, r));
  if (missing.length > 0) {
    const list = Object.keys(served).join(", ") || "none";
    throw new EmulatorRegionsError(
      `RoleScope cannot start: ROLESCOPE_REGIONS names ${missing.join(", ")}, which the emulator at ${env.EMULATOR_ENDPOINT} does not serve (it serves: ${list}). Start the emulator with --regions ${[...new Set([...Object.keys(served), ...missing])].join(",")}, or remove the region from ROLESCOPE_REGIONS.`,
    );
  }
  return served;
}

/**
 * Asks the emulator which regions it serves, retrying while it starts. When it cannot be
 * reached, the default map is used and the first EAS call will say the emulator is down.
 */
export async function learnEmulatorRegions(env: EmulatorSettings, opts: { attempts?: number; delayMs?: number; fetchImpl?: typeof fetch } = {}): Promise<Record<string, number> | undefined> {
  const { attempts = 20, delayMs = 250, fetchImpl = fetch } = opts;
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetchImpl(`http://${env.EMULATOR_ENDPOINT}/_emulator/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        const ports = regionPortsFrom(env, (await res.json()) as Health);
        learned().ports = ports;
        return ports;
      }
    } catch (err) {
      if (err instanceof EmulatorRegionsError) throw err;
    }
    await new Promise((r) => setTimeout(r, delayMs));
  }
  return undefined;
}

/** host:port of a region's EAS endpoint on the emulator. */
export function emulatorEasEndpoint(env: EmulatorSettings, region: string): string {
  const [host, port] = env.EMULATOR_ENDPOINT.split(":");
  return `${host}:${learned().ports?.[region] ?? easPortFor(Number(port), DEFAULT_REGIONS, region)}`;
}
