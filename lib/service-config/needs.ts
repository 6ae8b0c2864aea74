import { parseRegistryImage } from "./image-ref";
import { ossLocations } from "./oss-locations";
import type { RamCheck, ServiceConfig, ServiceNeed } from "./types";

export interface NeedScope {
  accountId: string;
  /** The service's region, used when a resource's own address names none. */
  region?: string;
}

/** `oss://bucket/dir/` → bucket and the key prefix (`dir/`, or `` for the whole bucket). */
export function parseOssPath(path: string): { bucket: string; prefix: string } | undefined {
  const m = /^oss:\/\/([^/]+)\/?(.*)$/.exec(path.trim());
  if (!m || !m[1]) return undefined;
  return { bucket: m[1], prefix: m[2] };
}

export function ossChecks(path: string, readOnly: boolean, accountId: string): RamCheck[] {
  const p = parseOssPath(path);
  if (!p) return [];
  const checks: RamCheck[] = [
    { action: "oss:ListObjects", resource: `acs:oss:*:${accountId}:${p.bucket}` },
    { action: "oss:GetObject", resource: `acs:oss:*:${accountId}:${p.bucket}/${p.prefix}*` },
  ];
  if (!readOnly) checks.push({ action: "oss:PutObject", resource: `acs:oss:*:${accountId}:${p.bucket}/${p.prefix}*` });
  return checks;
}

/** `<fsid>-<suffix>.<region>.nas.aliyuncs.com` (also `.extreme.nas.`) → the file system id and region. */
export function parseNasServer(server: string): { fileSystemId: string; region?: string } | undefined {
  const host = server.trim().toLowerCase().split(":")[0];
  if (!host.endsWith(".nas.aliyuncs.com")) return undefined;
  const labels = host.split(".");
  const fileSystemId = labels[0].split("-")[0];
  if (!fileSystemId) return undefined;
  return { fileSystemId, region: labels.length > 4 ? labels[1] : undefined };
}

function nasChecks(server: string, scope: NeedScope): RamCheck[] {
  const nas = parseNasServer(server);
  if (!nas) return [];
  const resource = `acs:nas:${nas.region ?? scope.region ?? "*"}:${scope.accountId}:filesystem/${nas.fileSystemId}`;
  return [
    { action: "nas:DescribeFileSystems", resource },
    { action: "nas:DescribeMountTargets", resource },
  ];
}

function mountNeeds(config: ServiceConfig, scope: NeedScope): ServiceNeed[] {
  const out: ServiceNeed[] = [];
  (config.storage ?? []).forEach((s, i) => {
    const mountPath = s.mount_path;
    if (s.oss) {
      out.push({
        kind: "oss-mount",
        path: `storage[${i}].oss.path`,
        target: s.oss.path,
        volume: `oss-${i}`,
        mountPath,
        checks: ossChecks(s.oss.path, s.oss.readOnly === true, scope.accountId),
      });
    }
    if (s.nfs) {
      out.push({ kind: "nas-mount", path: `storage[${i}].nfs.server`, target: s.nfs.server, volume: `nfs-${i}`, mountPath, checks: nasChecks(s.nfs.server, scope) });
    }
  });
  return out;
}

function imageNeeds(config: ServiceConfig, scope: NeedScope): ServiceNeed[] {
  // Registry credentials in the config are used instead of the role for the pull.
  if (config.dockerAuth || config.credential?.docker_auth) return [];
  const refs: { path: string; image: string }[] = [];
  (config.containers ?? []).forEach((c, i) => c.image && refs.push({ path: `containers[${i}].image`, image: c.image }));
  if (config.image) refs.push({ path: "image", image: config.image });
  if (config.processor) refs.push({ path: "processor", image: config.processor });
  const out: ServiceNeed[] = [];
  for (const { path, image } of refs) {
    const reg = parseRegistryImage(image);
    if (!reg || reg.paiPublic) continue;
    const resource = `acs:cr:${reg.region || scope.region || "*"}:${scope.accountId}:repository/${reg.namespace}/${reg.repository}`;
    out.push({
      kind: "image-pull",
      path,
      target: image,
      checks: [
        { action: "cr:GetRepository", resource },
        { action: "cr:PullRepository", resource },
      ],
    });
  }
  return out;
}

/** model_path, processor_path and every other oss:// address in the config: read with the role. */
function locationNeeds(config: ServiceConfig, scope: NeedScope): ServiceNeed[] {
  return ossLocations(config).map((l) => ({
    kind: l.atDeploy ? "oss-model" : "oss-path",
    path: l.path,
    target: l.target,
    ...(l.volume ? { volume: l.volume } : {}),
    checks: ossChecks(l.target, true, scope.accountId),
  }));
}

const OSS_KINDS = new Set(["oss-mount", "oss-model", "oss-path"]);

export function computeNeeds(config: ServiceConfig, scope: NeedScope, usesDefaultRole: boolean): ServiceNeed[] {
  const mounts = mountNeeds(config, scope);
  const needs = [...mounts, ...locationNeeds(config, scope), ...imageNeeds(config, scope)];
  // The PAI default role reaches OSS, for the platform and the code alike, only within a workspace.
  if (usesDefaultRole && needs.some((n) => OSS_KINDS.has(n.kind))) {
    const ws = config.metadata?.workspace_id;
    needs.unshift({ kind: "workspace-id", path: "metadata.workspace_id", target: ws ?? "", checks: [], satisfied: Boolean(ws) });
  }
  return needs;
}
