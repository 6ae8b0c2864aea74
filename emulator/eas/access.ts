// What the platform asks RAM, with the service's role, to mount a data source or pull an
// image: the emulator's own list of checks, evaluated by lib/policy (the one evaluator both
// sides share by design). Kept apart from the console's needs model on purpose.
import { evaluate } from "../../lib/policy/evaluate";
import type { Decision, NamedPolicy } from "../../lib/policy/types";
import type { PlatformMount } from "./config";
import { acrRepository, parseImageRef } from "./registry";

export interface AccessCheck {
  action: string;
  resource: string;
}

export interface AccessDenial extends AccessCheck {
  decision: Decision;
}

/** ossfs lists the bucket and reads under the prefix; a writable mount also writes there. */
function ossMountChecks(source: string, readOnly: boolean, accountId: string): AccessCheck[] {
  const m = /^oss:\/\/([^/]+)\/?(.*)$/.exec(source);
  if (!m) return [];
  const [, bucket, prefix] = m;
  const objects = `acs:oss:*:${accountId}:${bucket}/${prefix}*`;
  return [
    { action: "oss:ListObjects", resource: `acs:oss:*:${accountId}:${bucket}` },
    { action: "oss:GetObject", resource: objects },
    ...(readOnly ? [] : [{ action: "oss:PutObject", resource: objects }]),
  ];
}

/** A NAS mount looks the file system and its mount targets up first. */
function nasMountChecks(server: string, region: string, accountId: string): AccessCheck[] {
  const host = server.toLowerCase().split(":")[0];
  if (!host.endsWith(".nas.aliyuncs.com")) return [];
  const labels = host.split(".");
  const fs = labels[0].split("-")[0];
  const resource = `acs:nas:${labels.length > 4 ? labels[1] : region}:${accountId}:filesystem/${fs}`;
  return [
    { action: "nas:DescribeFileSystems", resource },
    { action: "nas:DescribeMountTargets", resource },
  ];
}

export function mountChecks(m: PlatformMount, region: string, accountId: string): AccessCheck[] {
  return m.kind === "oss" ? ossMountChecks(m.source, m.readOnly, accountId) : nasMountChecks(m.source, region, accountId);
}

/** A Container Registry image other than PAI's public ones is read from the repository with the role. */
export function pullChecks(image: string, region: string, accountId: string): AccessCheck[] {
  const acr = acrRepository(parseImageRef(image));
  if (!acr || acr.paiPublic) return [];
  const resource = `acs:cr:${acr.region || region}:${accountId}:repository/${acr.repository}`;
  return [
    { action: "cr:GetRepository", resource },
    { action: "cr:PullRepository", resource },
  ];
}

/** The first check the policies refuse. */
export function firstDenied(checks: AccessCheck[], policies: NamedPolicy[]): AccessDenial | undefined {
  for (const c of checks) {
    const d = evaluate({ action: c.action, resource: c.resource }, policies).decision;
    if (d !== "Allow") return { ...c, decision: d };
  }
  return undefined;
}
