import type { ReactNode } from "react";
import { ConsoleFrame } from "@/components/shell/console-frame";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Every console page needs a signed-in user; pages check their own permission on top.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <ConsoleFrame user={user}>{children}</ConsoleFrame>;
}
