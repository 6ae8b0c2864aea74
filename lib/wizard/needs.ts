import { parseRegistryImage } from "../service-config/image-ref";
import { parseNasServer, parseOssPath } from "../service-config/needs";
import { checkPattern, RULE_PATTERNS, type FieldIssue } from "./rules";

// What a service needs from the cloud, as the setup wizard asks it: the code's own access
// (OSS through the SDK, MaxCompute through PyODPS), what the platform mounts or pulls for it,
// and anything else the code will call.

export type Access = "read" | "write";

export interface OssAccess {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `models/v2/`; "" for the whole bucket. */
  prefix: string;
  access: Access;
}

export type Mount =
  | { kind: "oss"; path: string; mountPath: string; readOnly: boolean }
  | { kind: "nas"; server: string; path: string; mountPath: string };

export interface Needs {
  region: string;
  oss: OssAccess[];
  maxcompute?: { project: string; access: Access };
  mounts: Mount[];
  /** A custom image from Container Registry; "" for PAI's public image. */
  image: string;
  /** Other cloud products the code calls, by name (the wizard cannot write their policies). */
  other: string[];
}

function duplicates<T>(items: T[], key: (t: T) => string, field: (i: number) => string): FieldIssue[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const k = key(item);
    if (seen.has(k)) return [{ field: field(i), rule: "duplicate" as const }];
    seen.add(k);
    return [];
  });
}

function mountIssues(m: Mount, i: number): FieldIssue[] {
  const at = `mounts[${i}]`;
  const issues: FieldIssue[] = [];
  if (m.kind === "oss") {
    const p = parseOssPath(m.path);
    if (!p || !RULE_PATTERNS.bucketName.test(p.bucket)) issues.push({ field: `${at}.path`, rule: m.path === "" ? "required" : "ossPath" });
  } else {
    if (!parseNasServer(m.server)) issues.push({ field: `${at}.server`, rule: m.server === "" ? "required" : "nasServer" });
    issues.push(...checkPattern(`${at}.path`, m.path, "mountPath"));
  }
  issues.push(...checkPattern(`${at}.mountPath`, m.mountPath, "mountPath"));
  return issues;
}

function imageIssues(image: string): FieldIssue[] {
  if (image === "") return [];
  const ref = parseRegistryImage(image);
  if (!ref) return [{ field: "image", rule: "image" }];
  return ref.paiPublic ? [{ field: "image", rule: "imagePaiPublic" }] : [];
}

/** Every problem with the answers, each naming its field and rule; [] when they can be used. */
export function validateNeeds(needs: Needs, regions: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [...checkPattern("region", needs.region, "region")];
  if (issues.length === 0 && !regions.includes(needs.region)) issues.push({ field: "region", rule: "regionNotServed" });
  needs.oss.forEach((o, i) => {
    issues.push(...checkPattern(`oss[${i}].bucket`, o.bucket, "bucketName"));
    issues.push(...checkPattern(`oss[${i}].prefix`, o.prefix, "ossPrefix", { required: false }));
  });
  issues.push(...duplicates(needs.oss, (o) => `${o.bucket}/${o.prefix}`, (i) => `oss[${i}].bucket`));
  if (needs.maxcompute) issues.push(...checkPattern("maxcompute.project", needs.maxcompute.project, "projectName"));
  needs.mounts.forEach((m, i) => issues.push(...mountIssues(m, i)));
  issues.push(...duplicates(needs.mounts, (m) => m.mountPath, (i) => `mounts[${i}].mountPath`));
  issues.push(...imageIssues(needs.image));
  needs.other.forEach((o, i) => issues.push(...checkPattern(`other[${i}]`, o, "otherProduct")));
  return issues;
}

export const usesOss = (n: Needs) => n.oss.length > 0 || n.mounts.some((m) => m.kind === "oss");
