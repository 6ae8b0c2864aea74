import type { EasService } from "../cloud/types";
import type { InventoryDeps } from "./deps";
import { fetchRegionServices } from "./fetch";

/**
 * Every service of the regions, with `each` run on every service exactly once: page by page as
 * pages arrive from EAS (so per-role reads start while other pages load), and, for lists that
 * came from the cache, over the whole list at the end.
 */
export async function forEachServicePage(deps: InventoryDeps, regions: string[], each: (items: EasService[]) => Promise<void>): Promise<EasService[]> {
  const seen = new Set<EasService>();
  const pending: Promise<void>[] = [];
  const visit = (items: EasService[]) => {
    const fresh = items.filter((s) => !seen.has(s));
    fresh.forEach((s) => seen.add(s));
    if (fresh.length === 0) return;
    const p = each(fresh);
    // Awaited below; marked handled so a failure elsewhere first does not leave it unhandled.
    p.catch(() => undefined);
    pending.push(p);
  };
  const services = (await Promise.all(regions.map((r) => fetchRegionServices(deps, r, visit)))).flat();
  visit(services);
  await Promise.all(pending);
  return services;
}
