import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { UserMenu } from "@/components/auth/user-menu";
import { permissionsOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Every console page needs a signed-in user; pages check their own permission on top.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell userMenu={<UserMenu user={user} />} permissions={permissionsOf(user.role)}>
      {children}
    </AppShell>
  );
}
