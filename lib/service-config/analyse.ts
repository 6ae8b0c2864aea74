import { roleNameFromArn } from "../policy/arn";
import { computeNeeds } from "./needs";
import type { RoleMode, ServiceConfig, ServiceRoleAnalysis } from "./types";

export const PAI_DEFAULT_ROLE = "AliyunServiceRoleForPaiEas";

/**
 * RAM names every service-linked role `AliyunServiceRoleFor<Service>` and lets only its cloud
 * service assume it: it is never a role to pick for Method 2 or to ask ram:PassRole on.
 */
export const isServiceLinkedRole = (name: string) => /^AliyunServiceRoleFor/i.test(name);

export function configuredRoleArn(config: ServiceConfig): string | undefined {
  const arn = config.role_arn ?? config.credential?.role_arn;
  return typeof arn === "string" && arn.trim() !== "" ? arn.trim() : undefined;
}

/**
 * Which role a service runs with (Method 1: `options.enable_ram_role` alone → the PAI default
 * role; Method 2: `role_arn` → a custom role) and what that role must allow.
 *
 * A `role_arn` without `options.enable_ram_role` still counts as Method 2: the ARN names the
 * role unambiguously and EAS's own spec reads the key on its own; the analysis warns so the
 * config can be made explicit. `enable_ram_role: false` with a `role_arn` is treated the same way.
 */
export function analyseServiceConfig(config: ServiceConfig, accountId: string, opts?: { region?: string }): ServiceRoleAnalysis {
  const role = configuredRole(config);
  const workspaceId = config.metadata?.workspace_id || undefined;
  const warnings: string[] = [];
  const scope = { accountId, region: opts?.region };
  if (role.roleMode === "custom") {
    if (config.options?.enable_ram_role !== true) warnings.push("role_arn is set without options.enable_ram_role: true");
    if (!role.roleName) warnings.push(`role_arn "${role.roleArn}" is not a RAM role ARN (acs:ram::<uid>:role/<name>)`);
    return { ...role, workspaceId, needs: computeNeeds(config, scope, false), warnings };
  }
  return { ...role, workspaceId, needs: computeNeeds(config, scope, role.roleMode === "default"), warnings };
}

/** Which role the config names (see analyseServiceConfig), without what it must allow: no account needed. */
export function configuredRole(config: ServiceConfig): { roleMode: RoleMode; roleArn?: string; roleName?: string } {
  const arn = configuredRoleArn(config);
  if (arn) return { roleMode: "custom", roleArn: arn, roleName: roleNameFromArn(arn) };
  if (config.options?.enable_ram_role === true) return { roleMode: "default", roleName: PAI_DEFAULT_ROLE };
  return { roleMode: "none" };
}
