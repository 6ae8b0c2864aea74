import "server-only";
import type { AuditLog } from "../audit/audit-log";
import type { Stores } from "../db/types";
import { DEMO_USERS } from "./demo-users";
import { EnvError } from "../env";
import { generatePassword, hashPassword } from "./password";
import { passwordProblem } from "./password-rules";

export interface BootstrapOptions {
  demo: boolean;
  adminPassword?: string;
  log: (line: string) => void;
}

export interface BootstrapResult {
  createdAdmin: boolean;
  createdDemoUsers: string[];
}

// First start: an `admin` account, with a password from the environment or a random one shown
// once in the log. A guessable ROLESCOPE_ADMIN_PASSWORD stops start-up, naming the rule.
// Demo mode also makes sure the demo users exist (never resetting them).
export async function bootstrapUsers(stores: Stores, audit: AuditLog, opts: BootstrapOptions): Promise<BootstrapResult> {
  const result: BootstrapResult = { createdAdmin: false, createdDemoUsers: [] };
  if ((await stores.users.count()) === 0) {
    const problem = opts.adminPassword === undefined ? undefined : passwordProblem(opts.adminPassword, { username: "admin", demo: opts.demo });
    if (problem) throw new EnvError([`ROLESCOPE_ADMIN_PASSWORD: ${problem}`]);
    const password = opts.adminPassword ?? generatePassword();
    await stores.users.create({ username: "admin", displayName: "Administrator", role: "admin", ramUserName: null, passwordHash: await hashPassword(password) });
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
      await stores.users.create({
        username: demo.username,
        displayName: demo.displayName,
        role: demo.role,
        ramUserName: demo.username,
        passwordHash: await hashPassword(demo.password),
      });
      await audit.append({ actor: "system", action: "users.create", target: demo.username, outcome: "success", detail: { role: demo.role, demo: true } });
      result.createdDemoUsers.push(demo.username);
    }
  }
  return result;
}
