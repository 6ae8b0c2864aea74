// The emulator's state and lifecycle: RAM store, EAS module, faults, persistence, seeding.
import { AccessReports } from "../activity/access-report";
import { ActivityLog, type StoredEvent, type ServiceAccess } from "../activity/log";
import { createEasModule } from "../eas/index";
import { EasPlatform } from "../eas/platform";
import { RamStore } from "../ram/store";
import { emptyRamState } from "../ram/state";
import { seedBulkServices } from "../seed/bulk-eas";
import { seedBulkRoles } from "../seed/bulk-ram";
import { seedDemoActivity } from "../seed/demo-activity";
import { seedDemoServices } from "../seed/demo-eas";
import { createRamView } from "./authorize";
import type { EmulatorClock } from "./clock";
import { DEFAULT_ACCOUNT_ID, type EasModuleInstance, type RamView } from "./contract";
import { STATE_SHAPE_VERSION } from "./defaults";
import { Faults } from "./faults";
import { StateFile } from "./persist";
import { adoptRam, demoCallers, rootCaller, seedRam, type RootKey, type SeedName } from "./state-setup";

export interface AppOptions {
  regions: string[];
  deployDelayMs: number;
  root: RootKey;
  dataDir?: string;
  seed: SeedName;
  reset: boolean;
  clock: EmulatorClock;
  /** Role failures at deploy all speak the seed's one message. */
  genericRoleErrors: boolean;
  eventTexts?: "real" | "opaque";
  updateMerge?: "deep" | "shallow";
  credentialsRole?: string;
  credentialsTtlSeconds: number;
  log: (line: string) => void;
}

export class EmulatorApp {
  readonly store: RamStore;
  readonly ram: RamView;
  readonly faults: Faults;
  /** Instance faults, quotas and the registry: what the control API sets on the EAS platform. */
  readonly platform: EasPlatform;
  /** Every time the emulator reads. */
  readonly now: () => Date;
  /** EAS port of each region, known once the server has bound its ports. */
  regionPorts: Record<string, number> = {};
  eas: EasModuleInstance;
  /** ActionTrail's event history of role sessions, and each role's last access per service. */
  readonly activity = new ActivityLog();
  /** RAM permission-audit jobs. */
  readonly accessReports = new AccessReports();
  private readonly file: StateFile | undefined;
  private closed = false;

  constructor(readonly opts: AppOptions) {
    this.now = opts.clock.now;
    this.faults = new Faults({ now: this.now });
    this.platform = new EasPlatform(opts.genericRoleErrors, opts.eventTexts, opts.updateMerge);
    this.store = new RamStore(emptyRamState(DEFAULT_ACCOUNT_ID, { ...opts.root }), () => this.file?.schedule());
    this.ram = createRamView(this.store, this.now);
    this.file = opts.dataDir
      ? new StateFile(opts.dataDir, () => ({
          shape: STATE_SHAPE_VERSION,
          savedAt: this.now().toISOString(),
          ram: this.store.state,
          eas: this.eas.snapshot(),
          activity: this.activity.snapshot(),
        }), 100, (m) => opts.log(m))
      : undefined;
    this.eas = this.createEas(undefined);
  }

  init(): void {
    const loaded = this.opts.reset ? undefined : this.file?.load();
    if (loaded) {
      adoptRam(this.store, loaded.ram, this.opts.root);
      // Files written before the event history existed have none; the history starts empty.
      const activity = loaded.activity as { events?: StoredEvent[]; lastAccess?: Record<string, Record<string, ServiceAccess>> } | undefined;
      if (activity?.events && activity.lastAccess) this.activity.restore({ events: activity.events, lastAccess: activity.lastAccess });
      try {
        this.replaceEas(this.createEas(loaded.eas));
        this.file?.schedule();
        return;
      } catch (e) {
        // Same rule as for RAM state: an unreadable file never stops the emulator; the seed replaces it whole.
        this.opts.log(`emulator: the saved EAS state cannot be read (${e instanceof Error ? e.message : String(e)}); starting from the seed instead.`);
      }
    }
    this.reseed(this.opts.seed);
  }

  private createEas(state: unknown): EasModuleInstance {
    return createEasModule({
      regions: this.opts.regions,
      deployDelayMs: this.opts.deployDelayMs,
      state,
      ram: this.ram,
      onChange: () => this.file?.schedule(),
      now: this.now,
      platform: this.platform,
    });
  }

  private replaceEas(next: EasModuleInstance): void {
    this.eas.dispose();
    this.eas = next;
  }

  reseed(seed: SeedName): void {
    // A reset brings back real time and the platform's defaults too, so one test's scenario never leaks into the next.
    this.opts.clock.move({ reset: true });
    this.platform.reset();
    seedRam(this.store, seed, DEFAULT_ACCOUNT_ID, this.opts.root, this.now());
    this.replaceEas(this.createEas(undefined));
    this.activity.clear();
    this.accessReports.clear();
    if (seed === "demo") {
      seedDemoServices(this.eas, this.ram, demoCallers(this.store, this.opts.root), this.now());
      this.eas.settle();
      seedDemoActivity(this.store, this.activity, this.opts.regions[0], this.now());
    }
    this.file?.flush();
  }

  /** The event history changed: persist it with the rest. */
  activityChanged(): void {
    this.file?.schedule();
  }

  seedBulk(roles: number, services: number): { roles: number; services: number } {
    const roleNames = seedBulkRoles(this.store, roles, this.now());
    let created = 0;
    if (services > 0) {
      const names = roleNames.length > 0 ? roleNames : Object.values(this.store.state.roles).map((r) => r.roleName);
      created = seedBulkServices(this.eas, this.ram, rootCaller(this.store, this.opts.root), { services, roleNames: names, regions: this.opts.regions, now: this.now });
    }
    this.file?.schedule();
    return { roles: roleNames.length, services: created };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.file?.flush();
    this.eas.dispose();
  }
}
