import "server-only";
import type { EasService } from "../../cloud/types";
import { analyseService, type ServiceRoleUse } from "../../inventory/analyse";
import type { DeployEvent, DiagnosisFacts } from "../types";
import type { FactSource } from "./fact-source";

/** The service's own Reason and Message: what EAS says of its last deployment. */
export function serviceEvent(svc: Pick<EasService, "reason" | "message" | "updateTime">): DeployEvent | undefined {
  if (!svc.reason && !svc.message) return undefined;
  return { type: "Warning", reason: svc.reason, message: svc.message, time: svc.updateTime };
}

/**
 * Starts every read a service's diagnosis needs (the list calls it page by page as services
 * arrive, so reads overlap), and resolves to the facts.
 */
export async function gatherServiceFacts(src: FactSource, svc: EasService, known?: { accountId: string; use: ServiceRoleUse }): Promise<DiagnosisFacts> {
  const accountId = known?.accountId ?? (await src.accountId());
  const use = known?.use ?? analyseService(svc.serviceConfig, accountId, svc.region);
  const base = { accountId, region: svc.region, use, ...(use.config ? { config: use.config } : {}) };
  if (use.configError) return base;
  const roleP = use.roleName ? src.role(use.roleName) : undefined;
  const platformP = use.roleMode === "none" && use.needs.length > 0 ? src.defaultRole() : undefined;
  // PassRole matters only for a custom role, and only when a RAM user deployed it.
  const deployerP = use.roleMode === "custom" && svc.callerUid ? src.deployer(svc.callerUid) : undefined;
  // The deployer's policies are read while the role's are, not after them.
  const warm = deployerP?.then((d) => (d.kind === "user" ? src.userPolicies(d.userName) : undefined));
  const [role, platformRole, deployer] = await Promise.all([roleP, platformP, deployerP, warm]);
  const passRole = deployer?.kind === "user" && role?.exists && role.role ? await src.passRole(deployer.userName, role.role.arn) : undefined;
  return { ...base, ...(role ? { role } : {}), ...(platformRole ? { platformRole } : {}), ...(deployer ? { deployer } : {}), ...(passRole ? { passRole } : {}) };
}
