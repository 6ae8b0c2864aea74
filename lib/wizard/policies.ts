import { buildEasTrustPolicy, buildPassRolePolicy } from "../policy/builders";
import { MAX_PERMISSION_POLICY_CHARS, POLICY_VERSION } from "../policy/limits";
import type { PolicyDocument, Statement } from "../policy/types";
import type { NeedChecks } from "./checks";
import type { Needs } from "./needs";

// The documents of Method 2: the trust policy that lets EAS assume the role, the permission
// policies chosen from the needs, and the PassRole policy a deploying RAM user needs.

export { buildPassRolePolicy };

export const easTrustPolicy = (): PolicyDocument => buildEasTrustPolicy();

/** System policies that cover the needs, broadest first only where reading is not enough. */
export function systemPoliciesFor(needs: Needs): string[] {
  const out: string[] = [];
  const ossWrite = needs.oss.some((o) => o.access === "write") || needs.mounts.some((m) => m.kind === "oss" && !m.readOnly);
  const ossAny = needs.oss.length > 0 || needs.mounts.some((m) => m.kind === "oss");
  if (ossAny) out.push(ossWrite ? "AliyunOSSFullAccess" : "AliyunOSSReadOnlyAccess");
  if (needs.mounts.some((m) => m.kind === "nas")) out.push("AliyunNASReadOnlyAccess");
  if (needs.image) out.push("AliyunContainerRegistryReadOnlyAccess");
  if (needs.maxcompute) out.push(needs.maxcompute.access === "write" ? "AliyunMaxComputeFullAccess" : "AliyunMaxComputeReadOnlyAccess");
  return out;
}

/** `eas-reader.v2` → `eas-reader-v2-access`: policy names allow no dots. */
export const customPolicyName = (roleName: string) => `${roleName.replace(/\./g, "-")}-access`;

/**
 * The least-privilege policy: exactly the actions the checks ask for, on exactly their resources
 * (the named buckets and prefixes, file systems, repositories, projects). Actions that share the
 * same resources share a statement. Null when nothing can be checked.
 */
export function leastPrivilegePolicy(needs: NeedChecks[]): PolicyDocument | null {
  const byAction = new Map<string, string[]>();
  for (const n of needs) {
    for (const c of n.checks) {
      const list = byAction.get(c.action) ?? [];
      if (!list.includes(c.resource)) list.push(c.resource);
      byAction.set(c.action, list);
    }
  }
  if (byAction.size === 0) return null;
  const groups = new Map<string, Statement>();
  for (const [action, resources] of byAction) {
    const key = JSON.stringify(resources);
    const s = groups.get(key);
    if (s) s.Action!.push(action);
    else groups.set(key, { Effect: "Allow", Action: [action], Resource: resources });
  }
  return { Version: POLICY_VERSION, Statement: [...groups.values()] };
}

export const policyTooLong = (doc: PolicyDocument) => JSON.stringify(doc).length > MAX_PERMISSION_POLICY_CHARS;

/** The system policy that allows `action` (e.g. a gap's): reading ones where reading is enough. */
export function systemPolicyCovering(action: string): string | undefined {
  const [service, name = ""] = action.toLowerCase().split(":");
  if (service === "oss") return /^(get|list)/.test(name) ? "AliyunOSSReadOnlyAccess" : "AliyunOSSFullAccess";
  if (service === "nas") return /^(describe|list)/.test(name) ? "AliyunNASReadOnlyAccess" : "AliyunNASFullAccess";
  if (service === "cr") return /^(get|list|pull)/.test(name) ? "AliyunContainerRegistryReadOnlyAccess" : "AliyunContainerRegistryFullAccess";
  if (service === "odps") return /^(describe|list|read)/.test(name) ? "AliyunMaxComputeReadOnlyAccess" : "AliyunMaxComputeFullAccess";
  return undefined;
}
