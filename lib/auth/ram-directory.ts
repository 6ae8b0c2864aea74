import "server-only";
import { tags } from "../inventory/cache-tags";
import type { InventoryDeps } from "../inventory/deps";
import { fetchUsers } from "../inventory/fetch";
import { getInventoryDeps } from "../inventory/server-deps";

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
