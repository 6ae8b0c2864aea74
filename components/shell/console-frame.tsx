import type { ReactNode } from "react";
import { AppShell } from "./app-shell";
import { UserMenu } from "@/components/auth/user-menu";
import { PendingBadge } from "@/components/approvals/pending-badge";
import { ClientMessages } from "@/components/providers/client-messages";
import { countPending } from "@/lib/approvals/read-requests";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { can, permissionsOf } from "@/lib/permissions";
import type { ConsoleUser } from "@/lib/actor";

/** The console around a page for a signed-in user: header, sections they may open, their menu. */
export async function ConsoleFrame({ user, children }: { user: ConsoleUser; children: ReactNode }) {
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
