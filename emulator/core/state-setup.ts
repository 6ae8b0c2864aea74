// Builds RAM state from a seed, and brings a loaded state up to what this version expects.
import { emptyRamState, ramRoleArn, type RamState } from "../ram/state";
import type { RamStore } from "../ram/store";
import { seedBaseRam } from "../seed/base-ram";
import { seedDemoRam } from "../seed/demo-ram";
import { DEMO_KEYS } from "../seed/demo-keys";
import type { Caller } from "./contract";
import type { DemoCallerName } from "../seed/demo-eas-configs";

export type SeedName = "demo" | "empty";

export interface RootKey {
  accessKeyId: string;
  accessKeySecret: string;
}

export function seedRam(store: RamStore, seed: SeedName, accountId: string, root: RootKey, now: Date): void {
  store.state = emptyRamState(accountId, { ...root });
  if (seed === "demo") seedDemoRam(store, now);
  else seedBaseRam(store, now);
}

/**
 * A loaded state keeps its data, a deleted service-linked role included (DeleteServiceLinkedRole
 * must outlive a restart); the configured root key is always there.
 */
export function adoptRam(store: RamStore, loaded: RamState, root: RootKey): void {
  loaded.groups ??= {};
  // Files written before the emulator wrote ARNs as RAM does kept the name's case in them.
  for (const role of Object.values(loaded.roles)) role.arn = ramRoleArn(loaded.accountId, role.roleName);
  store.state = loaded;
  loaded.accessKeys[root.accessKeyId] = { ...root };
}

export function rootCaller(store: RamStore, root: RootKey): Caller {
  return { kind: "root", accountId: store.accountId, accessKeyId: root.accessKeyId };
}

export function demoCallers(store: RamStore, root: RootKey): Record<DemoCallerName, Caller> {
  const user = (name: keyof typeof DEMO_KEYS): Caller => {
    const u = store.findUser(name);
    if (!u) throw new Error(`the demo seed has no user ${name}`);
    return { kind: "user", accountId: store.accountId, accessKeyId: DEMO_KEYS[name].id, userName: u.userName, userId: u.userId };
  };
  return { root: rootCaller(store, root), alice: user("alice"), bob: user("bob"), carol: user("carol") };
}
