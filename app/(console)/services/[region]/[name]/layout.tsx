import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";
import { lookupService } from "@/lib/inventory/lookup-service";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { isServiceAddress } from "@/lib/service-config/names";

// Checked here, above the detail's loading boundary, so an unknown service or a region the
// console does not serve is a real HTTP 404 (shown by ../not-found.tsx with EAS's code and
// RequestId). Only DescribeService is asked, so a RAM outage cannot hide the page; the lookup is
// cached and the page's own read is a hit. Other cloud errors are left to the page's panels.
export default async function ServiceLayout({ children, params }: { children: ReactNode; params: Promise<{ region: string; name: string }> }) {
  const me = await requireUser("inventory:read");
  const { region, name } = await params;
  const deps = getInventoryDeps();
  // A name EAS could not hold never reaches the cloud.
  if (!isServiceAddress(region, name) || !deps.cloud.eas.regions.includes(region)) notFound();
  const found = await lookupService(deps, me, region, name).catch((err: unknown) => {
    if (err instanceof CloudError) return undefined;
    throw err;
  });
  if (found?.missing) notFound();
  return children;
}
