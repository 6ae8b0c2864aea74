import "server-only";
import { DEMO_USERS, type DemoUser } from "./demo-users";
import type { AuthDeps } from "./types";

/**
 * The demo users the sign-in page offers: only those who may sign in now (a disabled one is not
 * offered), each with the role they hold now (an admin may have changed it).
 */
export async function listDemoAccounts(deps: Pick<AuthDeps, "stores">): Promise<DemoUser[]> {
  const found = await Promise.all(DEMO_USERS.map(async (demo) => ({ demo, user: await deps.stores.users.findByUsername(demo.username) })));
  return found.filter(({ user }) => user && !user.disabled).map(({ demo, user }) => ({ ...demo, role: user!.role }));
}
