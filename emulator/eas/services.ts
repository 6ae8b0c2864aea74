// The services of every region, the deployments in flight (timers that decide outcomes), and
// what the running services hold of each region's resource pool.
import type { RamView } from "../core/contract";
import { readPlatformConfig, type PlatformConfig } from "./config";
import { EAS_EVENTS, SERVICE_MESSAGES, type EventDraft } from "./event-messages";
import { crashInstance, makeInstances } from "./instances";
import { decideOutcome, opaqueOutcome, type Outcome } from "./outcome";
import type { EasPlatform } from "./platform";
import { Allocations, requestOf } from "./resources";
import { runFailure } from "./runtime-stage";
import { easSnapshotSchema, serviceKey, type DeployAction, type EasSnapshot, type ServiceRecord } from "./state";

const IN_FLIGHT: Record<DeployAction, string> = { create: "Creating", update: "Updating", start: "Starting", restart: "Updating" };
/** Simulated seconds between a deployment's events, so seeded history reads like a real rollout. */
const EVENT_STEP_MS = 4000;

export interface ServicesInit {
  ram: RamView;
  platform: EasPlatform;
  deployDelayMs: number;
  now: () => Date;
  onChange: () => void;
}

const configOf = (rec: ServiceRecord): PlatformConfig | undefined => {
  const parsed = readPlatformConfig(rec.serviceConfig);
  return parsed.ok ? parsed.config : undefined;
};

export class EasServices {
  readonly records = new Map<string, ServiceRecord>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly allocations = new Allocations();

  constructor(private readonly init: ServicesInit) {}

  get platform(): EasPlatform {
    return this.init.platform;
  }

  /** Under --event-texts opaque a failure's words become codes; its state stays as it is. */
  private worded(outcome: Outcome): Outcome {
    return this.init.platform.eventTexts === "opaque" && outcome.status !== "Running" ? opaqueOutcome(outcome) : outcome;
  }

  /** Reads a snapshot back; deployments in flight are re-armed for what is left of their delay. */
  restore(state: unknown): void {
    if (state === undefined || state === null) return;
    const parsed = easSnapshotSchema.safeParse(state);
    if (!parsed.success) throw new Error(`EAS state is not readable: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    for (const rec of parsed.data.services) {
      const key = serviceKey(rec.region, rec.serviceName);
      this.records.set(key, rec);
      if (rec.status === "Running") this.hold(rec, configOf(rec));
      if (rec.pending) this.arm(rec);
    }
  }

  snapshot(): EasSnapshot {
    return { version: 1, services: [...this.records.values()].map((r) => structuredClone(r)) };
  }

  find(region: string, name: string): ServiceRecord | undefined {
    return this.records.get(serviceKey(region, name));
  }

  add(rec: ServiceRecord): void {
    this.records.set(serviceKey(rec.region, rec.serviceName), rec);
  }

  remove(rec: ServiceRecord): void {
    this.cancel(rec);
    this.hold(rec, undefined);
    this.records.delete(serviceKey(rec.region, rec.serviceName));
  }

  addEvent(rec: ServiceRecord, e: EventDraft, at: Date): void {
    rec.events.push({ ...e, time: at.toISOString() });
  }

  /** Starts a simulated deployment of the service's current config, decided after deployDelayMs. */
  beginDeploy(rec: ServiceRecord, action: DeployAction, at: Date): void {
    this.cancel(rec);
    const version = rec.latestVersion;
    rec.status = IN_FLIGHT[action];
    rec.reason = "";
    rec.message = SERVICE_MESSAGES.inFlight(IN_FLIGHT[action]);
    rec.updateTime = at.toISOString();
    rec.pending = { action, version, requestedAt: at.toISOString(), dueAt: new Date(at.getTime() + this.init.platform.deployDelay(this.init.deployDelayMs)).toISOString() };
    this.addEvent(rec, EAS_EVENTS.deployRequested(version, action), at);
    this.arm(rec);
  }

  stop(rec: ServiceRecord, at: Date): void {
    this.cancel(rec);
    this.hold(rec, undefined);
    rec.status = "Stopped";
    rec.reason = "";
    rec.message = SERVICE_MESSAGES.stopped;
    rec.instances = [];
    rec.updateTime = at.toISOString();
    this.addEvent(rec, EAS_EVENTS.stopped(rec.currentVersion), at);
  }

  /** An instance fault set on a service that is running now: its instances die at once. */
  applyInstanceFault(region: string, name: string): boolean {
    const rec = this.find(region, name);
    const fault = this.init.platform.instanceFault(region, name);
    const config = rec && configOf(rec);
    if (!rec || !fault || !config || rec.status !== "Running" || rec.pending || rec.instances.length === 0) return false;
    const at = this.init.now();
    const outcome = this.worded(runFailure({ ...rec, version: rec.currentVersion }, config, fault, false));
    outcome.events.forEach((e) => this.addEvent(rec, e, at));
    rec.instances = rec.instances.map((i) => crashInstance(i, outcome.instances, at.toISOString()));
    this.write(rec, outcome, config, at.toISOString());
    return true;
  }

  usage(region: string) {
    return this.allocations.used(region);
  }

  /** Ends every deployment in flight now. */
  settle(): void {
    for (const rec of [...this.records.values()]) if (rec.pending) this.finish(rec);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private cancel(rec: ServiceRecord): void {
    const key = serviceKey(rec.region, rec.serviceName);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    delete rec.pending;
  }

  private arm(rec: ServiceRecord): void {
    const key = serviceKey(rec.region, rec.serviceName);
    const delay = Math.max(0, new Date(rec.pending?.dueAt ?? 0).getTime() - this.init.now().getTime());
    const t = setTimeout(() => {
      this.timers.delete(key);
      const current = this.records.get(key);
      if (current?.pending) {
        this.finish(current);
        this.init.onChange();
      }
    }, delay);
    t.unref?.();
    this.timers.set(key, t);
  }

  /** A running service holds its request of the region's pool; anything else holds nothing. */
  private hold(rec: ServiceRecord, config: PlatformConfig | undefined): void {
    this.allocations.set(serviceKey(rec.region, rec.serviceName), rec.region, config ? requestOf(config) : undefined);
  }

  private write(rec: ServiceRecord, outcome: Outcome, config: PlatformConfig | undefined, endedAt: string): void {
    rec.status = outcome.status;
    rec.reason = outcome.reason;
    rec.message = outcome.message;
    rec.diagnosis = outcome.diagnosis;
    rec.updateTime = endedAt;
    this.hold(rec, outcome.status === "Running" ? config : undefined);
  }

  private finish(rec: ServiceRecord): void {
    const pending = rec.pending;
    if (!pending) return;
    this.cancel(rec);
    const key = serviceKey(rec.region, rec.serviceName);
    const env = { ram: this.init.ram, platform: this.init.platform, used: this.allocations.used(rec.region, key) };
    const outcome = this.worded(decideOutcome({ ...rec, version: pending.version }, env));
    const start = new Date(pending.requestedAt).getTime();
    const cap = Math.max(start, this.init.now().getTime());
    const stamp = (i: number) => new Date(Math.min(cap, start + (i + 1) * EVENT_STEP_MS));
    outcome.events.forEach((e, i) => this.addEvent(rec, e, stamp(i)));
    const endedAt = stamp(outcome.events.length - 1).toISOString();
    const config = configOf(rec);
    const count = config ? config.instances : 1;
    const hasInstances = outcome.status === "Running" || outcome.instances.reason !== "";
    rec.instances = hasInstances ? makeInstances(rec, pending.version, count, outcome.instances, endedAt) : [];
    rec.currentVersion = pending.version;
    this.write(rec, outcome, config, endedAt);
  }
}
