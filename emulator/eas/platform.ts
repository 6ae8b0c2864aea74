// What the emulated platform is like beyond RAM, set through the control API: instance faults,
// per-region resource quotas, repositories the registry lacks, and whether role failures speak
// one generic message. Held in memory; a reset of the emulator clears it.
import { z } from "zod";

type InstanceFaultKind = "crash" | "oom";

export interface Quota {
  /** CPU cores, memory in MB (as metadata.memory), GPUs, and the node count the scheduler reports. */
  cpu: number;
  memory: number;
  gpu: number;
  nodes: number;
}

// Generous enough for the demo seed and the bulk seeds (20,000 services of up to 3 × 2 cores, 4 GB).
export const DEFAULT_QUOTA: Quota = { cpu: 100_000, memory: 400_000_000, gpu: 1_000, nodes: 12 };

const region = z.string().regex(/^[a-z]{2}(?:-[a-z0-9]+)+$/, "must be a region id like cn-hangzhou");
const serviceName = z.string().min(1).max(64);
export const instanceFaultSchema = z.object({ region, service: serviceName, kind: z.enum(["crash", "oom"]) }).strict();
export const instanceFaultKeySchema = z.object({ region, service: serviceName }).strict();
// Up to an hour: long enough to look at a deployment in flight, short enough that none is forgotten.
export const deployDelaySchema = z.object({ ms: z.number().int().min(0).max(3_600_000) }).strict();

export const quotaSchema = z
  .object({
    region,
    cpu: z.number().int().min(0).optional(),
    memory: z.number().int().min(0).optional(),
    gpu: z.number().int().min(0).optional(),
    nodes: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export const missingRepositorySchema = z
  .object({ repository: z.string().regex(/^[a-z0-9._-]+(?:\/[a-z0-9._-]+)+$/, "must be namespace/name, lower case"), region: region.optional() })
  .strict();

export interface InstanceFault {
  region: string;
  service: string;
  kind: InstanceFaultKind;
}

export class EasPlatform {
  private readonly instanceFaults = new Map<string, InstanceFault>();
  private readonly quotas = new Map<string, Quota>();
  /** `region/namespace/name`, or `*` for the region when the control API named none. */
  private readonly missing = new Set<string>();
  /** How long deployments take from now on, when the control API set it (the start-up value otherwise). */
  private deployDelayMs: number | undefined;

  /**
   * `eventTexts: "opaque"`: every Reason, Message, event text and diagnosis entry of a failure is
   * a fixed code and a number, so nothing a rule could match survives (--event-texts opaque).
   * `updateMerge: "shallow"`: UpdateService's merge replaces whole top-level keys, the one kind
   * of merge the docs show (--update-merge shallow); "deep" merges objects key by key (RFC 7396).
   */
  constructor(
    readonly genericRoleErrors = false,
    readonly eventTexts: "real" | "opaque" = "real",
    readonly updateMerge: "deep" | "shallow" = "deep",
  ) {}

  setInstanceFault(f: InstanceFault): void {
    this.instanceFaults.set(`${f.region}/${f.service}`, f);
  }
  clearInstanceFault(region: string, service: string): boolean {
    return this.instanceFaults.delete(`${region}/${service}`);
  }
  instanceFault(region: string, service: string): InstanceFault | undefined {
    return this.instanceFaults.get(`${region}/${service}`);
  }
  listInstanceFaults(): InstanceFault[] {
    return [...this.instanceFaults.values()];
  }

  setQuota(region: string, q: Partial<Quota>): Quota {
    const next = { ...this.quota(region), ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) };
    this.quotas.set(region, next);
    return next;
  }
  quota(region: string): Quota {
    return this.quotas.get(region) ?? DEFAULT_QUOTA;
  }
  resetQuotas(): void {
    this.quotas.clear();
  }

  markMissing(repository: string, region?: string): void {
    this.missing.add(`${region ?? "*"}/${repository}`);
  }
  unmarkMissing(repository: string, region?: string): boolean {
    return this.missing.delete(`${region ?? "*"}/${repository}`);
  }
  clearMissing(): void {
    this.missing.clear();
  }
  isMissing(region: string | undefined, repository: string): boolean {
    const r = repository.toLowerCase();
    return this.missing.has(`*/${r}`) || (region !== undefined && this.missing.has(`${region}/${r}`));
  }
  listMissing(): { repository: string; region?: string }[] {
    return [...this.missing].map((k) => {
      const slash = k.indexOf("/");
      const region = k.slice(0, slash);
      return { repository: k.slice(slash + 1), ...(region === "*" ? {} : { region }) };
    });
  }

  /** Back to the defaults (the generic-errors switch is a start-up option and stays). */
  setDeployDelay(ms: number | undefined): void {
    this.deployDelayMs = ms;
  }
  deployDelay(startUp: number): number {
    return this.deployDelayMs ?? startUp;
  }

  reset(): void {
    this.deployDelayMs = undefined;
    this.instanceFaults.clear();
    this.quotas.clear();
    this.missing.clear();
  }
}
