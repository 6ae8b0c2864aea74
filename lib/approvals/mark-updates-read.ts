"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "../auth/session";
import { markNoticesRead } from "./notices";
import { getApprovalDeps } from "./server-deps";

// A server action (the whole module is callable from the browser, so it holds this one only).
// Marks every update on the caller's own requests read (the "Updates" panel of /requests).
export async function markUpdatesRead(): Promise<{ ok: true; marked: number } | { ok: false; error: "unauthenticated" | "forbidden" }> {
  const auth = await authorizeAction("passrole:request", "markUpdatesRead");
  if (!auth.ok) return auth;
  const marked = await markNoticesRead(getApprovalDeps(), auth.user);
  revalidatePath("/requests");
  return { ok: true, marked };
}
