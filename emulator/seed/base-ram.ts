// What every account has, even an empty one: the PAI-EAS service-linked role.
import { EAS_SERVICE_PRINCIPAL } from "../core/contract";
import type { RamStore } from "../ram/store";
import { SERVICE_LINKED_POLICY_NAME, SERVICE_LINKED_ROLE_NAME } from "../ram/system-policies";
import { daysBefore, putRole, serviceTrust } from "./build";

export function seedBaseRam(store: RamStore, now: Date): void {
  if (store.findRole(SERVICE_LINKED_ROLE_NAME)) return;
  putRole(store, {
    name: SERVICE_LINKED_ROLE_NAME,
    trust: serviceTrust(EAS_SERVICE_PRINCIPAL),
    description: "PAI-EAS uses this role to access OSS, Log Service, ECS network interfaces and VPC in your account.",
    policies: [SERVICE_LINKED_POLICY_NAME],
    serviceLinked: true,
    at: daysBefore(now, 120),
  });
}
