import "server-only";
import { CloudError } from "../../errors/cloud-error";
import type { EasService } from "../../cloud/types";
import { analyseService, type ServiceRoleUse } from "../../readiness/use";
import type { DeployEvent, DiagnosisFacts } from "../../diagnosis/types";
import type { FactSource } from "./fact-source";

/** The service's own Reason and Message: what EAS says of its last deployment. */
export function serviceEvent(svc: Pick<EasService, "reason" | "message" | "updateTime">): DeployEvent | undefined {
  if (!svc.reason && !svc.message) return undefined;
  return { type: "Warning", reason: svc.reason, message: svc.message, time: svc.updateTime };
}

/**
 * Starts every read a service's diagnosis needs (the list calls it page by page as services
 * arrive, so reads overlap), and resolves to the facts.
 *
 * For the list (`src.listed`), a cloud error reading who deployed the service or what they may
 * pass leaves that fact out and names the error in `unread`, so one unreadable user list does
 * not blank a whole list of services; a single diagnosis shows the error itself instead.
 */
export async function gatherServiceFacts(src: FactSource, svc: EasService, known?: { accountId: string; use: ServiceRoleUse }): Promise<DiagnosisFacts> {
  const accountId = known?.accountId ?? (await src.accountId());
  const use = known?.use ?? analyseService(svc.serviceConfig, accountId, svc.region);
  const base = { accountId, region: svc.region, use, ...(use.config ? { config: use.config } : {}) };
  if (use.configError) return base;
  const roleP = use.roleName ? src.role(use.roleName) : undefined;
  const platformP = use.roleMode === "none" && use.needs.length > 0 ? src.defaultRole() : undefined;
  // PassRole matters only for a custom role, and only when a RAM user deployed it.
  const unread: CloudError[] = [];
  const orUnread = <T>(p: Promise<T> | undefined): Promise<T | undefined> | undefined =>
    src.listed && p
      ? p.catch((e: unknown) => {
          if (!(e instanceof CloudError)) throw e;
          if (!unread.some((u) => u.code === e.code)) unread.push(e);
          return undefined;
        })
      : p;
  const deployerP = orUnread(use.roleMode === "custom" && svc.callerUid ? src.deployer(svc.callerUid) : undefined);
  // The deployer's policies are read while the role's are, not after them.
  const warm = orUnread(deployerP?.then((d) => (d?.kind === "user" ? src.userPolicies(d.userName) : undefined)));
  const [role, platformRole, deployer] = await Promise.all([roleP, platformP, deployerP, warm]);
  const passRole = deployer?.kind === "user" && role?.exists && role.role ? await orUnread(src.passRole(deployer.userName, role.role.arn)) : undefined;
  // The config may write the role's name in another case (RAM's ARNs are lower-case): once RAM
  // answers, findings, fixes and the fleet's groups name the role as RAM does, one name per role.
  const named = role?.role && use.roleName !== undefined && use.roleName !== role.role.roleName ? { use: { ...use, roleName: role.role.roleName } } : {};
  return {
    ...base,
    ...named,
    ...(role ? { role } : {}),
    ...(platformRole ? { platformRole } : {}),
    ...(deployer ? { deployer } : {}),
    ...(passRole ? { passRole } : {}),
    ...(unread.length > 0 ? { unread: unread.map((e) => ({ code: e.code, ...(e.requestId ? { requestId: e.requestId } : {}) })) } : {}),
  };
}
