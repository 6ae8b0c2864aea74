import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getAuthDeps } from "./server-deps";
import { AppError } from "../errors/app-error";
import { ForbiddenError } from "../actor";
import { can, type Permission } from "../permissions";
import { isCrossOrigin, isMutating, readCookie, SESSION_COOKIE } from "./request";
import { resolveSession } from "./session-core";
import type { ConsoleUser } from "../actor";

export type { ConsoleUser } from "../actor";
export type { Permission } from "../permissions";
export { can } from "../permissions";

/** The signed-in user of the current request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<ConsoleUser | null> => {
  const id = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(getAuthDeps(), id);
});

/** A request header a proxy may set with the path being rendered, so sign-in can return there. */
export const PATH_HEADER = "x-rolescope-path";

// A section's layout and its page both check the permission, and Next renders them side by side:
// one refused visit is written once (React's cache lasts one request, keyed by these arguments).
const auditPageDenied = cache(async (username: string, path: string, permission: Permission): Promise<void> => {
  await getAuthDeps().audit.append({ actor: username, action: "auth.denied", target: path, outcome: "denied", detail: { permission } });
});

/**
 * For pages and server components: the signed-in user, or a redirect to the login page;
 * with a permission the user lacks, a 403 page (and one audit entry per refused visit).
 */
export async function requireUser(permission?: Permission): Promise<ConsoleUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get(PATH_HEADER);
    redirect(path ? `/login?next=${encodeURIComponent(path)}` : "/login");
  }
  if (permission && !can(user.role, permission)) {
    await auditPageDenied(user.username, (await headers()).get(PATH_HEADER) ?? "page", permission);
    forbidden();
  }
  return user;
}

/**
 * For route handlers: the signed-in user holding `permission`, else throws the AppError to
 * answer — cross_origin (403) for a cross-origin write, unauthenticated (401), forbidden (403).
 * Every refusal but the anonymous one is audited here, once.
 *
 *   const user = await authorizeRequest(req, "users:manage");
 */
export async function authorizeRequest(req: Request, permission: Permission): Promise<ConsoleUser> {
  const deps = getAuthDeps();
  const target = `${req.method} ${new URL(req.url).pathname}`;
  if (isMutating(req.method) && isCrossOrigin(req.headers, req.url)) {
    await deps.audit.append({ actor: "anonymous", action: "auth.cross_origin", target, outcome: "denied", detail: { origin: req.headers.get("origin") } });
    throw new AppError("cross_origin", "auth.crossOrigin");
  }
  const user = await resolveSession(deps, readCookie(req.headers.get("cookie"), SESSION_COOKIE));
  if (!user) throw new AppError("unauthenticated", "auth.signIn");
  if (!can(user.role, permission)) {
    await deps.audit.append({ actor: user.username, action: "auth.denied", target, outcome: "denied", detail: { permission, role: user.role } });
    throw new ForbiddenError({ actor: user.username, permission }, true);
  }
  return user;
}

/** For route handlers open to any signed-in user (or anonymous ones): the user, or null. */
export async function currentRequestUser(req: Request): Promise<ConsoleUser | null> {
  return resolveSession(getAuthDeps(), readCookie(req.headers.get("cookie"), SESSION_COOKIE));
}

export type ActionAuth = { ok: true; user: ConsoleUser } | { ok: false; error: "unauthenticated" | "forbidden" };

/**
 * For server actions (Next already refuses cross-origin action calls): the user when allowed,
 * else an error result for the action to return; a forbidden call is audited.
 */
export async function authorizeAction(permission: Permission, action: string): Promise<ActionAuth> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "unauthenticated" };
  if (!can(user.role, permission)) {
    await getAuthDeps().audit.append({ actor: user.username, action: "auth.denied", target: `action ${action}`, outcome: "denied", detail: { permission, role: user.role } });
    return { ok: false, error: "forbidden" };
  }
  return { ok: true, user };
}
