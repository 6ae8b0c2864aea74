// Many roles at once, for the inventory benchmark: most trust EAS, some do not.
import { EAS_SERVICE_PRINCIPAL } from "../core/contract";
import type { RamStore } from "../ram/store";
import { SYSTEM_POLICIES } from "../ram/system-policies";
import { daysBefore, putRole, serviceTrust } from "./build";

export function seedBulkRoles(store: RamStore, count: number, now: Date): string[] {
  const names: string[] = [];
  const readable = SYSTEM_POLICIES.filter((p) => p.policyName.endsWith("ReadOnlyAccess")).map((p) => p.policyName);
  for (let i = 0; names.length < count; i++) {
    const name = `bulk-role-${String(i).padStart(4, "0")}`;
    if (store.findRole(name)) continue;
    putRole(store, {
      name,
      trust: i % 10 === 9 ? serviceTrust("ecs.aliyuncs.com") : serviceTrust(EAS_SERVICE_PRINCIPAL),
      description: `Bulk role ${i}`,
      policies: [readable[i % readable.length], readable[(i + 3) % readable.length]].filter((v, k, a) => a.indexOf(v) === k),
      at: daysBefore(now, 1 + (i % 90)),
    });
    names.push(name);
  }
  store.markDirty();
  return names;
}
