// The services of every region, and the deployments in flight (timers that decide outcomes).
import type { RamView } from "../core/contract";
import { parseServiceConfig } from "../../lib/service-config";
import { EAS_EVENTS, type EventDraft } from "./event-messages";
import { makeInstances } from "./instances";
import { decideOutcome, instanceCount } from "./outcome";
import { easSnapshotSchema, serviceKey, type DeployAction, type EasSnapshot, type ServiceRecord } from "./state";

const IN_FLIGHT: Record<DeployAction, string> = { create: "Creating", update: "Updating", start: "Starting" };
/** Simulated seconds between a deployment's events, so seeded history reads like a real rollout. */
const EVENT_STEP_MS = 4000;

export interface ServicesInit {
  ram: RamView;
  deployDelayMs: number;
  now: () => Date;
  onChange: () => void;
}

export class EasServices {
  readonly records = new Map<string, ServiceRecord>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly init: ServicesInit) {}

  /** Reads a snapshot back; deployments in flight are re-armed for what is left of their delay. */
  restore(state: unknown): void {
    if (state === undefined || state === null) return;
    const parsed = easSnapshotSchema.safeParse(state);
    if (!parsed.success) throw new Error(`EAS state is not readable: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    for (const rec of parsed.data.services) {
      this.records.set(serviceKey(rec.region, rec.serviceName), rec);
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
    rec.message = `Service is ${IN_FLIGHT[action].toLowerCase()}`;
    rec.updateTime = at.toISOString();
    rec.pending = { action, version, requestedAt: at.toISOString(), dueAt: new Date(at.getTime() + this.init.deployDelayMs).toISOString() };
    this.addEvent(rec, EAS_EVENTS.deployRequested(version, action), at);
    this.arm(rec);
  }

  stop(rec: ServiceRecord, at: Date): void {
    this.cancel(rec);
    rec.status = "Stopped";
    rec.reason = "";
    rec.message = "Service is stopped";
    rec.instances = [];
    rec.updateTime = at.toISOString();
    this.addEvent(rec, EAS_EVENTS.stopped(rec.currentVersion), at);
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

  private finish(rec: ServiceRecord): void {
    const pending = rec.pending;
    if (!pending) return;
    this.cancel(rec);
    const outcome = decideOutcome({ ...rec, version: pending.version }, this.init.ram);
    const start = new Date(pending.requestedAt).getTime();
    const cap = Math.max(start, this.init.now().getTime());
    const stamp = (i: number) => new Date(Math.min(cap, start + (i + 1) * EVENT_STEP_MS));
    outcome.events.forEach((e, i) => this.addEvent(rec, e, stamp(i)));
    const endedAt = stamp(outcome.events.length - 1).toISOString();
    const parsed = parseServiceConfig(rec.serviceConfig);
    const count = parsed.ok ? instanceCount(parsed.config) : 1;
    const hasInstances = outcome.status === "Running" || outcome.instances.reason !== "";
    rec.instances = hasInstances ? makeInstances(rec, pending.version, count, outcome.instances, endedAt) : [];
    rec.status = outcome.status;
    rec.reason = outcome.reason;
    rec.message = outcome.message;
    rec.currentVersion = pending.version;
    rec.diagnosis = outcome.diagnosis;
    rec.updateTime = endedAt;
  }
}
