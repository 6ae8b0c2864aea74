import type { NamedPolicy } from "../policy";
import { roleNameFromArn } from "../policy";
import type { RoleUse } from "./role-health";

export interface ServiceRoleUse extends RoleUse {
  roleArn?: string;
}

export const PAI_DEFAULT_ROLE = "AliyunServiceRoleForPaiEas";

// PLACEHOLDER until lib/service-config lands: read the three RAM fields directly.
export function analyseService(serviceConfig: string, _accountId: string): ServiceRoleUse {
  let config: unknown;
  try {
    config = JSON.parse(serviceConfig);
  } catch (e) {
    return { roleMode: "none", configError: (e as Error).message };
  }
  const c = (config ?? {}) as { role_arn?: string; credential?: { role_arn?: string }; options?: { enable_ram_role?: boolean }; metadata?: { workspace_id?: string } };
  const workspaceId = c.metadata?.workspace_id;
  const arn = c.role_arn ?? c.credential?.role_arn;
  if (arn) return { roleMode: "custom", roleArn: arn, roleName: roleNameFromArn(arn), workspaceId };
  if (c.options?.enable_ram_role) return { roleMode: "default", roleName: PAI_DEFAULT_ROLE, workspaceId };
  return { roleMode: "none", workspaceId };
}

export interface NeedCheck {
  /** What the service needs, e.g. "Read OSS oss://bucket/dir/". */
  label: string;
  action: string;
  resource: string;
  allowed: boolean;
  /** The statement that decides, when one does (an implicit deny has none). */
  deciding?: { policy: string; statementIndex: number };
}

// PLACEHOLDER until lib/service-config lands.
export function checkServiceNeeds(_serviceConfig: string, _accountId: string, _policies: NamedPolicy[]): NeedCheck[] {
  return [];
}
