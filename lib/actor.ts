import { AppError } from "./errors/app-error";
import { addBrand } from "./errors/brand";
import { can, type Permission, type Role } from "./permissions";

// Who a data-layer function acts for. Every function in lib/ that reads or writes on someone's
// behalf takes an Actor and checks the permission itself, whatever its caller already checked.

/** Who is using the console. Never carries the password hash or the session id. */
export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  ramUserName?: string;
  /** The language they chose, when they chose one. */
  locale?: string;
}

/** Start-up, the grant sweeper and other jobs the console runs by itself. */
export interface SystemActor {
  id: "system";
  username: "system";
  role: "system";
}

export const SYSTEM_ACTOR: SystemActor = { id: "system", username: "system", role: "system" };

export type Actor = ConsoleUser | SystemActor;

export function actorCan(actor: Actor, permission: Permission): boolean {
  return actor.role === "system" || can(actor.role, permission);
}

/** What a refusal in the data layer carries, so the API layer can audit it once. */
export interface Denial {
  actor: string;
  permission: Permission;
}

export class ForbiddenError extends AppError {
  static readonly brand = "ForbiddenError";
  constructor(
    readonly denial: Denial,
    /** True when the refusal was already written to the audit log. */
    readonly audited = false,
  ) {
    super("forbidden", "auth.forbidden", { values: { permission: denial.permission } });
    addBrand(this, ForbiddenError.brand);
  }
}

/** Throws ForbiddenError unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorCan(actor, permission)) throw new ForbiddenError({ actor: actor.username, permission });
}
