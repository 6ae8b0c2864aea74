import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { UserMenu } from "@/components/auth/user-menu";
import { PendingBadge } from "@/components/approvals/pending-badge";
import { ClientMessages } from "@/components/providers/client-messages";
import { countPending } from "@/lib/approvals/read-requests";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { can, permissionsOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Every console page needs a signed-in user; pages check their own permission on top.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // Admins see how many requests wait for them beside "Approvals".
  const badges = can(user.role, "approvals:decide")
    ? {
        "/approvals": (
          <ClientMessages namespaces={["approvals.pendingBadge"]}>
            <PendingBadge initial={await countPending(getApprovalDeps(), user)} />
          </ClientMessages>
        ),
      }
    : undefined;
  return (
    <AppShell userMenu={<UserMenu user={user} />} permissions={permissionsOf(user.role)} badges={badges}>
      {children}
    </AppShell>
  );
}
