import "server-only";
import { createAuditLog, type AuditLog } from "../audit/audit-log";
import { getStores } from "../db";
import { UsernameTakenError, type NewUser, type Stores } from "../db/types";
import { DEMO_USERS } from "./demo-users";
import { EnvError, getEnv } from "../env";
import { generatePassword, hashPassword, passwordProblem } from "./password";
import { renderFieldRule } from "../errors/render";
import { DEFAULT_LOCALE } from "@/i18n/config";

export interface BootstrapOptions {
  demo: boolean;
  adminPassword?: string;
  log: (line: string) => void;
}

export interface BootstrapResult {
  createdAdmin: boolean;
  createdDemoUsers: string[];
}

// First start outside demo mode: an `admin` account, with a password from the environment or a
// random one shown once in the log. A guessable ROLESCOPE_ADMIN_PASSWORD stops start-up, naming
// the rule. Demo mode instead makes sure the demo users exist (never resetting them): alice is
// their admin, and a second admin whose password only the log knows would be noise. Replicas
// starting together on one database race for this: the one whose insert the database refuses
// made nothing.
const createdHere = (stores: Stores, user: NewUser) =>
  stores.users.create(user).then(
    () => true,
    (err: unknown) => {
      if (err instanceof UsernameTakenError) return false;
      throw err;
    },
  );

export async function bootstrapUsers(stores: Stores, audit: AuditLog, opts: BootstrapOptions): Promise<BootstrapResult> {
  const result: BootstrapResult = { createdAdmin: false, createdDemoUsers: [] };
  if (!opts.demo && (await stores.users.count()) === 0) {
    const problem = opts.adminPassword === undefined ? undefined : passwordProblem(opts.adminPassword, { username: "admin", demo: opts.demo });
    if (problem) throw new EnvError([`ROLESCOPE_ADMIN_PASSWORD: ${renderFieldRule(DEFAULT_LOCALE, problem)}`]);
    const password = opts.adminPassword ?? generatePassword();
    const created = await createdHere(stores, { username: "admin", displayName: "Administrator", role: "admin", ramUserName: null, passwordHash: await hashPassword(password) });
    if (!created) return bootstrapUsers(stores, audit, opts);
    await audit.append({ actor: "system", action: "users.create", target: "admin", outcome: "success", detail: { role: "admin", bootstrap: true } });
    result.createdAdmin = true;
    opts.log(
      opts.adminPassword
        ? "RoleScope: created the first console user `admin` with the password from ROLESCOPE_ADMIN_PASSWORD."
        : `RoleScope: created the first console user \`admin\`. Its password, shown only this once: ${password}`,
    );
  }
  if (opts.demo) {
    for (const demo of DEMO_USERS) {
      if (await stores.users.findByUsername(demo.username)) continue;
      const created = await createdHere(stores, {
        username: demo.username,
        displayName: demo.displayName,
        role: demo.role,
        ramUserName: demo.username,
        passwordHash: await hashPassword(demo.password),
      });
      if (!created) continue;
      await audit.append({ actor: "system", action: "users.create", target: demo.username, outcome: "success", detail: { role: demo.role, demo: true } });
      result.createdDemoUsers.push(demo.username);
    }
    if (result.createdDemoUsers.length > 0) {
      opts.log(`RoleScope: demo mode: created the console users ${result.createdDemoUsers.join(", ")}; the sign-in page lists them with their passwords.`);
    }
  }
  return result;
}

// Called once from instrumentation: opens the store (running migrations) and creates the first users.
export async function prepareConsoleUsers(): Promise<void> {
  const env = getEnv();
  const stores = getStores();
  try {
    await bootstrapUsers(stores, createAuditLog(stores.audit), {
      demo: env.demo,
      adminPassword: env.ROLESCOPE_ADMIN_PASSWORD,
      log: (line) => console.log(line),
    });
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
