import "server-only";
import { CloudError } from "../errors/cloud-error";
import { UsernameTakenError } from "../db/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import { requirePermission, type Actor, type ConsoleUser } from "../actor";
import { hashPassword, passwordProblem } from "./password";
import { toConsoleUser, type AuthDeps } from "./types";
import type { NewUserInput, UserChangeInput } from "./user-schemas";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchUsers } from "../inventory/fetch";
import { getInventoryDeps } from "../inventory/server-deps";

export type ManagedUser = ConsoleUser & { disabled: boolean };

/** User management also asks RAM: a link is only made to a RAM user the account holds. */
export type UserAdminDeps = AuthDeps & { ram: RamDirectory };

const withDisabled = (u: Parameters<typeof toConsoleUser>[0]): ManagedUser => ({ ...toConsoleUser(u), disabled: u.disabled });

/** Where a console user's RAM link stands: RAM holds the user, does not, or could not be read. */
export type RamLinkState = "exists" | "missing" | "unknown";

/** A link is only made to a RAM user the account holds; RAM is asked before anything is saved. */
async function requireRamUser(ram: RamDirectory, name: string): Promise<void> {
  if (!(await ram.has(name))) throw AppError.invalid({ ramUserName: rule("ramUserMissing") }, "users.ramUserMissing", { name });
}

// Console user management. Each function checks `users:manage` itself, keeps the account table
// consistent (an enabled admin always remains) and writes one audit entry per change.
export async function createConsoleUser(deps: UserAdminDeps, actor: Actor, input: NewUserInput): Promise<ManagedUser> {
  requirePermission(actor, "users:manage");
  const problem = passwordProblem(input.password, { username: input.username, demo: deps.demo });
  if (problem) throw AppError.invalid({ password: problem });
  if (input.ramUserName) await requireRamUser(deps.ram, input.ramUserName);
  try {
    const user = await deps.stores.users.create({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      ramUserName: input.ramUserName ?? null,
      passwordHash: await hashPassword(input.password),
    });
    await deps.audit.append({ actor: actor.username, action: "users.create", target: user.username, outcome: "success", detail: { role: user.role, ramUserName: user.ramUserName } });
    return withDisabled(user);
  } catch (err) {
    if (!(err instanceof UsernameTakenError)) throw err;
    await deps.audit.append({ actor: actor.username, action: "users.create", target: input.username, outcome: "failure", detail: { reason: "username_taken" } });
    throw new AppError("username_taken", "users.usernameTaken", { values: { username: input.username }, fields: { username: rule("usernameTaken") } });
  }
}

async function enabledAdmins(deps: AuthDeps): Promise<number> {
  return (await deps.stores.users.list()).filter((u) => u.role === "admin" && !u.disabled).length;
}

export async function changeConsoleUser(deps: UserAdminDeps, actor: Actor, id: string, change: UserChangeInput): Promise<ManagedUser> {
  requirePermission(actor, "users:manage");
  const before = await deps.stores.users.findById(id);
  if (!before) throw AppError.notFound("users.notFound");
  if (change.ramUserName && change.ramUserName !== before.ramUserName) await requireRamUser(deps.ram, change.ramUserName);
  const demotes = change.role !== undefined && change.role !== before.role && before.role === "admin";
  const disables = change.disabled === true && !before.disabled;
  if ((demotes || disables) && before.id === actor.id) throw new AppError("self_lockout", "users.selfLockout");
  if ((demotes || disables) && before.role === "admin" && !before.disabled && (await enabledAdmins(deps)) <= 1) {
    throw new AppError("last_admin", "users.lastAdmin");
  }

  const after = (await deps.stores.users.update(id, change))!;
  const audit = (action: string, detail: Record<string, unknown>) =>
    deps.audit.append({ actor: actor.username, action, target: after.username, outcome: "success", detail });
  if (change.role !== undefined && change.role !== before.role) await audit("users.role_change", { from: before.role, to: after.role });
  if (change.disabled !== undefined && change.disabled !== before.disabled) await audit(after.disabled ? "users.disable" : "users.enable", {});
  if (change.ramUserName !== undefined && change.ramUserName !== before.ramUserName) await audit("users.ram_link", { from: before.ramUserName, to: after.ramUserName });
  if (change.displayName !== undefined && change.displayName !== before.displayName) await audit("users.rename", { from: before.displayName, to: after.displayName });
  // A new role or a disabled account takes effect now, not when the old sessions expire.
  if (after.role !== before.role || (after.disabled && !before.disabled)) await deps.stores.sessions.revokeAllFor(after.id);
  return withDisabled(after);
}

/** Every console user, each RAM link with its state: one read of RAM's user list for them all. */
export async function listConsoleUsers(deps: UserAdminDeps, actor: Actor) {
  requirePermission(actor, "users:manage");
  const [users, ramNames] = await Promise.all([
    deps.stores.users.list(),
    deps.ram.names().then(
      (names) => new Set(names.map((n) => n.toLowerCase())),
      (err: unknown) => {
        // Without RAM the table still lists everyone; the links show as unknown.
        if (err instanceof CloudError) return undefined;
        throw err;
      },
    ),
  ]);
  const stateOf = (name: string): RamLinkState => (!ramNames ? "unknown" : ramNames.has(name.toLowerCase()) ? "exists" : "missing");
  return users.map((u) => ({
    ...withDisabled(u),
    ...(u.ramUserName ? { ramUserState: stateOf(u.ramUserName) } : {}),
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  }));
}
export type ListedUser = Awaited<ReturnType<typeof listConsoleUsers>>[number];

/** The account's RAM users, as user management checks a link against them. */
export interface RamDirectory {
  /** Every RAM user name, from the cached list the inventory shares. */
  names(): Promise<string[]>;
  /** Whether RAM holds the user; a name the cached list lacks is looked for once more in a fresh list. */
  has(name: string): Promise<boolean>;
}

// RAM compares user names without regard to case.
const holds = (names: string[], name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());

/** Reads through the inventory's cached ListUsers: one list for the whole users table, no call per row. */
export function inventoryRamDirectory(deps: InventoryDeps): RamDirectory {
  const names = async () => (await fetchUsers(deps)).map((u) => u.userName);
  return {
    names,
    async has(name) {
      if (holds(await names(), name)) return true;
      // A user created in RAM since the list was read is there by now.
      deps.cache.invalidate({ tags: [tags.userList] });
      return holds(await names(), name);
    },
  };
}

export function getRamDirectory(): RamDirectory {
  return inventoryRamDirectory(getInventoryDeps());
}
