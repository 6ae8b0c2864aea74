import type { NamedPolicy } from "../policy";
import { analyseServiceConfig, checkNeeds, configuredRole, parseServiceConfig, type ConfigProblem, type ServiceConfig, type ServiceNeed } from "../service-config";
import type { RoleMode } from "../service-config/types";

interface RoleUse {
  roleMode: RoleMode;
  roleName?: string;
  workspaceId?: string;
  /** The config reads OSS through the PAI default role without metadata.workspace_id. */
  workspaceMissing?: boolean;
  /** In English, for logs; `configProblem` is worded for a reader. */
  configError?: string;
  configProblem?: ConfigProblem;
}

export interface ServiceRoleUse extends RoleUse {
  roleArn?: string;
  /** The config as read, for what else the service's settings tell (resources, the image). */
  config?: ServiceConfig;
  needs: ServiceNeed[];
  warnings: string[];
}

/** A service's RAM role alone, from its config JSON (an unreadable config names none), for a list that shows it before any RAM read. */
export function serviceRole(serviceConfig: string): Pick<ServiceRoleUse, "roleMode" | "roleName" | "roleArn"> {
  const parsed = parseServiceConfig(serviceConfig);
  return parsed.ok ? configuredRole(parsed.config) : { roleMode: "none" };
}

/** A service's RAM role and needs, from its config JSON; a config that cannot be read says why. */
export function analyseService(serviceConfig: string, accountId: string, region?: string): ServiceRoleUse {
  const parsed = parseServiceConfig(serviceConfig);
  if (!parsed.ok) return { roleMode: "none", configError: parsed.error, configProblem: parsed.problem, needs: [], warnings: [] };
  const a = analyseServiceConfig(parsed.config, accountId, { region });
  return {
    roleMode: a.roleMode,
    config: parsed.config,
    roleArn: a.roleArn,
    roleName: a.roleName,
    workspaceId: a.workspaceId,
    workspaceMissing: a.needs.some((n) => n.kind === "workspace-id" && n.satisfied === false),
    needs: a.needs,
    warnings: a.warnings,
  };
}

export interface NeedCheck {
  /** What the service needs and where the config asks for it. */
  kind: ServiceNeed["kind"];
  path: string;
  target: string;
  action: string;
  resource: string;
  allowed: boolean;
  /** The statement that decides, when one does (an implicit deny has none). */
  deciding?: { policy: string; statementIndex: number; effect: "Allow" | "Deny" };
}

/** One row per RAM check of each need, evaluated against the role's policies. */
export function checkServiceNeeds(needs: ServiceNeed[], policies: NamedPolicy[]): NeedCheck[] {
  return checkNeeds(needs, policies).flatMap((r): NeedCheck[] => {
    const base = { kind: r.need.kind, path: r.need.path, target: r.need.target };
    if (r.checks.length === 0) return [{ ...base, action: "", resource: r.need.target, allowed: r.allowed }];
    return r.checks.map((c) => {
      const d = c.deciding[0];
      return { ...base, action: c.action, resource: c.resource, allowed: c.allowed, deciding: d ? { policy: d.policy, statementIndex: d.statementIndex, effect: d.effect } : undefined };
    });
  });
}
