// The emulator's state and lifecycle: RAM store, EAS module, faults, persistence, seeding.
import { createRamView } from "./authorize";
import { DEFAULT_ACCOUNT_ID, type RamView } from "./contract";
import { Faults } from "./faults";
import { loadCreateEasModule, loadSeedBulkServices, loadSeedDemoServices, type EasModuleInstance } from "./optional-modules";
import { StateFile } from "./persist";
import { adoptRam, demoCallers, rootCaller, seedRam, type RootKey, type SeedName } from "./state-setup";
import { RamStore } from "../ram/store";
import { emptyRamState } from "../ram/state";
import { seedBulkRoles } from "../seed/bulk-ram";
import { STATE_SHAPE_VERSION } from "./defaults";

export interface AppOptions {
  regions: string[];
  deployDelayMs: number;
  root: RootKey;
  dataDir?: string;
  seed: SeedName;
  reset: boolean;
  now: () => Date;
  credentialsRole?: string;
  log: (line: string) => void;
}

export class EmulatorApp {
  readonly store: RamStore;
  readonly ram: RamView;
  readonly faults = new Faults();
  eas: EasModuleInstance | undefined;
  private readonly file: StateFile | undefined;
  private closed = false;

  constructor(readonly opts: AppOptions) {
    this.store = new RamStore(emptyRamState(DEFAULT_ACCOUNT_ID, { ...opts.root }), () => this.file?.schedule());
    this.ram = createRamView(this.store, opts.now);
    this.file = opts.dataDir
      ? new StateFile(opts.dataDir, () => ({
          shape: STATE_SHAPE_VERSION,
          savedAt: new Date().toISOString(),
          ram: this.store.state,
          eas: this.eas?.snapshot(),
        }), 100, (m) => opts.log(m))
      : undefined;
  }

  async init(): Promise<void> {
    const loaded = this.opts.reset ? undefined : this.file?.load();
    if (loaded) {
      adoptRam(this.store, loaded.ram, this.opts.root, this.opts.now());
      try {
        await this.startEas(loaded.eas);
        this.file?.schedule();
        return;
      } catch (e) {
        // Same rule as for RAM state: an unreadable file never stops the emulator; the seed replaces it whole.
        this.opts.log(`emulator: the saved EAS state cannot be read (${e instanceof Error ? e.message : String(e)}); starting from the seed instead.`);
      }
    }
    await this.reseed(this.opts.seed);
  }

  private async startEas(state: unknown): Promise<EasModuleInstance | undefined> {
    const create = await loadCreateEasModule();
    this.eas = create?.({
      regions: this.opts.regions,
      deployDelayMs: this.opts.deployDelayMs,
      state,
      ram: this.ram,
      onChange: () => this.file?.schedule(),
      now: this.opts.now,
    });
    return this.eas;
  }

  async reseed(seed: SeedName): Promise<void> {
    this.eas?.dispose();
    this.eas = undefined;
    seedRam(this.store, seed, DEFAULT_ACCOUNT_ID, this.opts.root, this.opts.now());
    const eas = await this.startEas(undefined);
    if (seed === "demo" && eas) {
      const seedServices = await loadSeedDemoServices();
      await seedServices?.(eas, this.ram, demoCallers(this.store, this.opts.root), this.opts.now());
      eas.settle();
    }
    this.file?.flush();
  }

  async seedBulk(roles: number, services: number): Promise<{ roles: number; services: number }> {
    const roleNames = seedBulkRoles(this.store, roles, this.opts.now());
    let created = 0;
    if (services > 0 && this.eas) {
      const seedServices = await loadSeedBulkServices();
      if (seedServices) {
        const names = roleNames.length > 0 ? roleNames : Object.values(this.store.state.roles).map((r) => r.roleName);
        await seedServices(this.eas, this.ram, rootCaller(this.store, this.opts.root), { services, roleNames: names, regions: this.opts.regions });
        this.eas.settle();
        created = services;
      }
    }
    this.file?.schedule();
    return { roles: roleNames.length, services: created };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.file?.flush();
    this.eas?.dispose();
  }
}
