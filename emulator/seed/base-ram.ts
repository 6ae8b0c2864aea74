// What every account has, even an empty one: the PAI-EAS service-linked role.
import { EAS_SERVICE_PRINCIPAL } from "../core/contract";
import { putServiceLinkedRole } from "../ram/service-linked-roles";
import type { RamStore } from "../ram/store";
import { SERVICE_LINKED_ROLE_NAME } from "../ram/system-policies";
import { daysBefore } from "./build";

export function seedBaseRam(store: RamStore, now: Date): void {
  if (store.findRole(SERVICE_LINKED_ROLE_NAME)) return;
  putServiceLinkedRole(store, EAS_SERVICE_PRINCIPAL, daysBefore(now, 120));
}
