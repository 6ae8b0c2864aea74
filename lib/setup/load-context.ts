import "server-only";
import { requirePermission, type Actor } from "../actor";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchDefaultRoleFacts } from "../inventory/facts";
import { fetchAccountId, fetchUsers } from "../inventory/fetch";
import { regionWorkspaces } from "../inventory/gather/fix-inputs";
import { PAI_DEFAULT_ROLE } from "../service-config";

export interface SetupContext {
  accountId: string;
  regions: string[];
  /** Method 1 works only while the service-linked role AliyunServiceRoleForPaiEas exists. */
  defaultRole: { name: string; exists: boolean };
  /** RAM users who might deploy the service, for the PassRole step. */
  users: string[];
  /** The signed-in user's linked RAM user: who deploys unless the setup says otherwise. */
  linkedRamUser: string | null;
  /**
   * Per region, the workspace ids its services already use. EAS documents no format for a
   * workspace id, so the wizard checks a typed one against these instead (a warning, not a rule).
   */
  workspaces: Record<string, string[]>;
}

/** What the setup wizard needs from the account before its first step. */
export async function loadSetupContext(deps: InventoryDeps, actor: Actor): Promise<SetupContext> {
  requirePermission(actor, "wizard:generate");
  // Method 1 stands or falls with the service-linked role, and the page says so first: read it afresh.
  deps.cache.invalidate({ tags: [tags.role(PAI_DEFAULT_ROLE)] });
  const regions = deps.cloud.eas.regions;
  // A region whose services cannot be read offers no suggestions; the wizard works without them.
  const workspacesOf = (region: string) => regionWorkspaces(deps, region).then((ids) => [region, ids] as const, () => [region, []] as const);
  const [accountId, def, users, workspaces] = await Promise.all([fetchAccountId(deps), fetchDefaultRoleFacts(deps), fetchUsers(deps), Promise.all(regions.map(workspacesOf))]);
  return {
    accountId,
    regions,
    defaultRole: { name: def.name, exists: def.exists },
    users: users.map((u) => u.userName).sort((a, b) => a.localeCompare(b)),
    linkedRamUser: actor.role !== "system" && actor.ramUserName ? actor.ramUserName : null,
    workspaces: Object.fromEntries(workspaces),
  };
}
