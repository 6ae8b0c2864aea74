"use server";

import { revalidatePath } from "next/cache";
import { markNoticesRead } from "@/lib/approvals/notices";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import { authorizeAction } from "@/lib/auth/session";

// Marks every update on the caller's own requests read (the "Updates" panel of /requests).
export async function markUpdatesRead(): Promise<{ ok: true; marked: number } | { ok: false; error: "unauthenticated" | "forbidden" }> {
  const auth = await authorizeAction("passrole:request", "markUpdatesRead");
  if (!auth.ok) return auth;
  const marked = await markNoticesRead(getApprovalDeps(), auth.user);
  revalidatePath("/requests");
  return { ok: true, marked };
}
