import { computeNeeds, ossChecks } from "../service-config/needs";
import type { RamCheck, StorageEntry } from "../service-config/types";
import type { Needs } from "./needs";

// Each need as the RAM checks a role must pass for it. Mounts and images are checked exactly as
// lib/service-config reads a deployed config, so the wizard, preflight and the platform agree.

export type NeedKind = "oss" | "maxcompute" | "oss-mount" | "nas-mount" | "image" | "other";

export interface NeedChecks {
  /** Stable within one set of needs: `oss[0]`, `maxcompute`, `mounts[1]`, `image`, `other[0]`. */
  id: string;
  kind: NeedKind;
  /** What is used: a bucket and prefix, a project, a mount source, an image, a product name. */
  target: string;
  /** RAM checks; empty for products the wizard cannot check. */
  checks: RamCheck[];
}

function maxcomputeChecks(project: string, write: boolean, accountId: string): RamCheck[] {
  const tables = `acs:odps:*:${accountId}:projects/${project}/tables/*`;
  return [
    { action: "odps:List", resource: `acs:odps:*:${accountId}:projects/${project}` },
    { action: "odps:Read", resource: tables },
    ...(write ? [{ action: "odps:Write", resource: tables }] : []),
  ];
}

export function needChecks(needs: Needs, accountId: string): NeedChecks[] {
  const out: NeedChecks[] = needs.oss.map((o, i) => {
    const target = `oss://${o.bucket}/${o.prefix}`;
    return { id: `oss[${i}]`, kind: "oss", target, checks: ossChecks(target, o.access === "read", accountId) };
  });
  if (needs.maxcompute) {
    const { project, access } = needs.maxcompute;
    out.push({ id: "maxcompute", kind: "maxcompute", target: project, checks: maxcomputeChecks(project, access === "write", accountId) });
  }
  const scope = { accountId, region: needs.region };
  needs.mounts.forEach((m, i) => {
    const storage: StorageEntry = m.kind === "oss" ? { oss: { path: m.path, readOnly: m.readOnly } } : { nfs: { server: m.server, path: m.path } };
    const [need] = computeNeeds({ storage: [storage] }, scope, false);
    out.push({ id: `mounts[${i}]`, kind: m.kind === "oss" ? "oss-mount" : "nas-mount", target: m.kind === "oss" ? m.path : m.server, checks: need?.checks ?? [] });
  });
  if (needs.image) {
    const [need] = computeNeeds({ containers: [{ image: needs.image }] }, scope, false);
    out.push({ id: "image", kind: "image", target: needs.image, checks: need?.checks ?? [] });
  }
  needs.other.forEach((o, i) => out.push({ id: `other[${i}]`, kind: "other", target: o, checks: [] }));
  return out;
}
