import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";
import { loadServiceDetail } from "@/lib/inventory/load-service-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { isServiceAddress } from "@/lib/service-config/names";

// Checked here, above the detail's loading boundary, so an unknown service is a real HTTP 404
// (shown by ../not-found.tsx: a segment's own not-found does not catch its layout).
// The load goes through the cached loader the page uses: the page's own load is a cache hit.
// Other cloud errors are left to the page, which shows them with code and RequestId.
export default async function ServiceLayout({ children, params }: { children: ReactNode; params: Promise<{ region: string; name: string }> }) {
  const me = await requireUser("inventory:read");
  const { region, name } = await params;
  const deps = getInventoryDeps();
  // A name EAS could not hold never reaches the cloud.
  if (!isServiceAddress(region, name) || !deps.cloud.eas.regions.includes(region)) notFound();
  try {
    await loadServiceDetail(deps, me, region, name);
  } catch (err) {
    if (err instanceof CloudError && (err.code === "InvalidService.NotFound" || err.httpStatus === 404)) notFound();
  }
  return children;
}
