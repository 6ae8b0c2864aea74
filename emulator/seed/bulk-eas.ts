// Many services at once for benchmarks: spread over regions and roles, created through the
// EAS API (so outcomes are computed), settled, no timers left.
import { ApiError, type Caller, type EasContext, type EasModuleInstance, type RamView } from "../core/contract";

function bulkConfig(name: string, i: number, uid: string, roleNames: string[], region: string): Record<string, unknown> {
  const base = {
    name,
    metadata: { instance: 1 + (i % 3), cpu: 2, memory: 4000 },
    containers: [{ image: `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/python-inference:py310`, port: 8000 }],
  };
  // One in five without a role, one in five on the PAI default role, the rest on the given roles.
  if (i % 5 === 0 || roleNames.length === 0) return base;
  if (i % 5 === 1) return { ...base, options: { enable_ram_role: true }, metadata: { ...base.metadata, workspace_id: String(30000 + (i % 50)) } };
  const role = roleNames[i % roleNames.length];
  return {
    ...base,
    options: { enable_ram_role: true },
    role_arn: `acs:ram::${uid}:role/${role}`,
    ...(i % 3 !== 0 ? { storage: [{ oss: { path: `oss://bulk-data/${name}/`, readOnly: true }, mount_path: "/mnt/data" }] } : {}),
  };
}

export function seedBulkServices(
  eas: EasModuleInstance,
  ram: RamView,
  caller: Caller,
  opts: { services: number; roleNames: string[]; regions: string[]; now?: () => Date },
): number {
  let created = 0;
  let seq = 0;
  // Ends: only names already taken are skipped, and there are finitely many of them.
  for (let i = 0; created < opts.services; i++) {
    const region = opts.regions[i % opts.regions.length];
    const name = `bulk-svc-${String(i).padStart(6, "0")}`;
    const ctx: EasContext = { region, caller, ram, requestId: `BULK-${++seq}`, now: opts.now ?? (() => new Date()), markDirty: () => undefined };
    try {
      eas.handle({ method: "POST", pathname: "/api/v2/services", query: {}, body: JSON.stringify(bulkConfig(name, i, ram.accountId, opts.roleNames, region)) }, ctx);
      created++;
    } catch (e) {
      // A name left from an earlier bulk seed: take the next one.
      if (!(e instanceof ApiError && e.code === "InvalidService.AlreadyExists")) throw e;
    }
  }
  eas.settle();
  return created;
}
