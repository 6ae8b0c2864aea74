// The EAS half and its seeds are built beside the core; the core runs (RAM and STS only)
// while they are absent, and picks them up as soon as the files exist.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Caller, CreateEasModule, RamView } from "./contract";

export type EasModuleInstance = ReturnType<CreateEasModule>;

export interface DemoCallers {
  root: Caller;
  alice: Caller;
  bob: Caller;
  carol: Caller;
}

type SeedDemoServices = (eas: EasModuleInstance, ram: RamView, callers: DemoCallers, now: Date) => unknown;
type SeedBulkServices = (
  eas: EasModuleInstance,
  ram: RamView,
  caller: Caller,
  opts: { services: number; roleNames: string[]; regions: string[] },
) => unknown;

async function load<T>(relative: string, name: string): Promise<T | undefined> {
  const base = join(__dirname, relative);
  if (!existsSync(`${base}.ts`) && !existsSync(`${base}.js`)) return undefined;
  const mod = (await import(base)) as Record<string, unknown>;
  return typeof mod[name] === "function" ? (mod[name] as T) : undefined;
}

export const loadCreateEasModule = () => load<CreateEasModule>("../eas/index", "createEasModule");
export const loadSeedDemoServices = () => load<SeedDemoServices>("../seed/demo-eas", "seedDemoServices");
export const loadSeedBulkServices = () => load<SeedBulkServices>("../seed/bulk-eas", "seedBulkServices");
