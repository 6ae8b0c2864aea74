import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { roleNameSchema } from "@/lib/inventory/role-detail";

// Checked here, above the detail's loading boundary, so a name RAM could never hold is a real
// HTTP 404 and never reaches the cloud. Next hands the segment over decoded.
export default async function RoleLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  await requireUser("inventory:read");
  if (!roleNameSchema.safeParse((await params).name).success) notFound();
  return children;
}
