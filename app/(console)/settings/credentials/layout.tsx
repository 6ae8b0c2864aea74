import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";

// Checked here, above the section's loading boundary, so a refusal is a real HTTP 403.
export default async function CredentialsLayout({ children }: { children: ReactNode }) {
  await requireUser("credentials:read");
  return children;
}
