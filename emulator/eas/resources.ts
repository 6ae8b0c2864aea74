// What a service asks of its region's resource pool, and what the running services hold.
// The pool is one sum per region (no per-node packing): a deployment is scheduled when its
// instances × per-instance request fits in the quota next to every other running service.
import type { PlatformConfig } from "./config";
import type { ResourceKind } from "./event-messages";
import type { Quota } from "./platform";

export type Resources = Record<ResourceKind, number>;

const KINDS: ResourceKind[] = ["cpu", "memory", "gpu"];
const ZERO: Resources = { cpu: 0, memory: 0, gpu: 0 };

export function requestOf(c: PlatformConfig): Resources {
  return { cpu: c.cpu * c.instances, memory: c.memory * c.instances, gpu: c.gpu * c.instances };
}

/** The resources the request lacks, in the scheduler's order (cpu, memory, nvidia.com/gpu). */
export function shortfall(request: Resources, used: Resources, quota: Quota): ResourceKind[] {
  return KINDS.filter((k) => request[k] > 0 && used[k] + request[k] > quota[k]);
}

/** Running services' holdings, kept as running sums per region so a check costs O(1). */
export class Allocations {
  private readonly byService = new Map<string, { region: string; res: Resources }>();
  private readonly totals = new Map<string, Resources>();

  set(key: string, region: string, res: Resources | undefined): void {
    const old = this.byService.get(key);
    if (old) this.add(old.region, old.res, -1);
    if (res) {
      this.byService.set(key, { region, res });
      this.add(region, res, 1);
    } else {
      this.byService.delete(key);
    }
  }

  /** Everything held in the region except by `exceptKey` (a service being redeployed gives its own back). */
  used(region: string, exceptKey?: string): Resources {
    const total = this.totals.get(region) ?? ZERO;
    const own = exceptKey ? this.byService.get(exceptKey) : undefined;
    if (!own || own.region !== region) return { ...total };
    return { cpu: total.cpu - own.res.cpu, memory: total.memory - own.res.memory, gpu: total.gpu - own.res.gpu };
  }

  private add(region: string, res: Resources, sign: 1 | -1): void {
    const t = this.totals.get(region) ?? { ...ZERO };
    for (const k of KINDS) t[k] += sign * res[k];
    this.totals.set(region, t);
  }
}
