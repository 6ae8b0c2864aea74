import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/types";
import { lookupRole, roleNameSchema } from "@/lib/inventory/role-detail";
import { getInventoryDeps } from "@/lib/inventory/server-deps";

// Checked here, above the detail's loading boundary, so a name RAM could never hold and a role
// RAM does not have are real HTTP 404s (shown by ../not-found.tsx, with RAM's code and RequestId).
// A bad name never reaches the cloud; the lookup is the cached GetRole the page reads too.
// Other cloud errors are left to the page, which shows them with code and RequestId.
export default async function RoleLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  const me = await requireUser("inventory:read");
  const name = roleNameSchema.safeParse((await params).name);
  if (!name.success) notFound();
  const lookup = await lookupRole(getInventoryDeps(), me, name.data).catch((err: unknown) => {
    if (err instanceof CloudError) return undefined;
    throw err;
  });
  if (lookup?.missing) notFound();
  return children;
}
