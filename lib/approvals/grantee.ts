import "server-only";
import type { AuditInput } from "../audit/audit-log";
import type { Actor } from "../actor";
import type { PassRoleRequestRecord, UserRecord } from "../db/types";
import { AppError } from "../errors/app-error";
import type { ErrorKey, MessageValues } from "../errors/render";

// Whom a PassRole grant goes to, and who therefore may not be the one to approve it. RAM compares
// user names without regard to case, and so does every check here.

const same = (a: string | null | undefined, b: string | null | undefined) => Boolean(a && b && a.toLowerCase() === b.toLowerCase());

/** The RAM user linked to the actor's console user, if any. */
export const linkedRamUser = (actor: Actor): string | undefined => ("ramUserName" in actor ? actor.ramUserName : undefined);

/** Whether a grant to `ramUser` would land on the actor's own RAM user. */
export const isOwnRamUser = (actor: Actor, ramUser: string): boolean => same(linkedRamUser(actor), ramUser);

/** The request was filed by the actor, for the actor, or grants the actor's own RAM user. */
export const concerns = (actor: Actor, r: Pick<PassRoleRequestRecord, "requesterId" | "requestedForId" | "ramUser">): boolean =>
  r.requesterId === actor.id || r.requestedForId === actor.id || isOwnRamUser(actor, r.ramUser);

/** Why the actor may not approve the request, or null when they may. */
export function selfApprovalReason(actor: Actor, r: Pick<PassRoleRequestRecord, "requesterId" | "requestedForId" | "ramUser">): "own_request" | "own_ram_user" | null {
  if (r.requesterId === actor.id) return "own_request";
  if (r.requestedForId === actor.id || isOwnRamUser(actor, r.ramUser)) return "own_ram_user";
  return null;
}

/** The enabled console users linked to a RAM user, in name order. */
export const linkedConsoleUsers = (users: UserRecord[], ramUser: string): UserRecord[] =>
  users.filter((u) => !u.disabled && same(u.ramUserName, ramUser)).sort((a, b) => a.username.localeCompare(b.username));

/**
 * Refuses a grant that would go to the actor's own RAM user (`self_approval`, 403), writing the
 * refusal to the audit log as every refusal is: `auth.denied`, outcome `denied`.
 */
export async function refuseSelfGrant(
  audit: { append(input: AuditInput): Promise<unknown> },
  actor: Actor,
  target: string,
  detail: { ramUser: string; reason: "own_request" | "own_ram_user" } & Record<string, unknown>,
  wording: { key: ErrorKey; values?: MessageValues },
): Promise<never> {
  await audit.append({ actor: actor.username, action: "auth.denied", target, outcome: "denied", detail: { refusal: "self_approval", ...detail } });
  throw new AppError("self_approval", wording.key, { values: wording.values });
}
