import "server-only";
import { requirePermission, type Actor } from "../actor";
import { CloudError, type CloudErrorShape, type EasService } from "../cloud/types";
import { tags } from "./cache-tags";
import type { InventoryDeps } from "./deps";
import { fetchService } from "./fetch";

/** A service, or EAS's own answer (code and RequestId) when it does not exist. */
export type ServiceLookup = { service: EasService; missing?: undefined } | { service?: undefined; missing: CloudErrorShape };

const isMissing = (err: unknown): err is CloudError => err instanceof CloudError && (err.code === "InvalidService.NotFound" || err.httpStatus === 404);

/**
 * DescribeService alone: what the service page shows without any RAM read. The answer for a
 * service EAS does not have is kept for the TTL too, so the not-found page that follows the
 * layout's 404 shows the same RequestId without asking again.
 */
export async function lookupService(deps: InventoryDeps, actor: Actor, region: string, name: string): Promise<ServiceLookup & { fetchedAt: number }> {
  requirePermission(actor, "inventory:read");
  const { value, fetchedAt } = await deps.cache.get(
    `eas:service-lookup:${region}/${name}`,
    deps.ttlMs,
    async (): Promise<ServiceLookup> => {
      try {
        return { service: await fetchService(deps, region, name) };
      } catch (err) {
        if (isMissing(err)) return { missing: err.toJSON() };
        throw err;
      }
    },
    [tags.service(region, name)],
  );
  return { ...value, fetchedAt };
}
