import "server-only";
import { roleArnKey } from "../policy/arn";
import { configuredRoleArn } from "../service-config/analyse";
import type { ServiceConfig } from "../service-config/types";
import { titled, type FixPlan } from "./catalog";
import type { Json } from "./merge-patch";
import { serviceTarget, type FixContext } from "./context";
import { updateServiceStep } from "./update-service-config";

/** UpdateService so that role_arn (or credential.role_arn, where the config keeps it) names an existing role. */
export function pointRoleArn(ctx: FixContext, roleName: string, roleArn: string, configPath: "role_arn" | "credential.role_arn"): FixPlan {
  // EAS keeps the role under `role_arn` and `credential.role_arn`: every place the config names it is
  // pointed at the new role, so no copy is left naming the missing one.
  const config = JSON.parse(ctx.service.serviceConfig) as { role_arn?: unknown; credential?: { role_arn?: unknown } };
  const inCredential = configPath === "credential.role_arn" || (config.credential?.role_arn !== undefined && config.credential.role_arn !== "");
  const atTop = configPath === "role_arn" || (config.role_arn !== undefined && config.role_arn !== "");
  const patch: Record<string, Json> = { ...(atTop ? { role_arn: roleArn } : {}), ...(inCredential ? { credential: { role_arn: roleArn } } : {}) };
  return {
    action: "fix.point_role_arn",
    target: serviceTarget(ctx),
    ...titled("fix.point-role-arn", { role: roleName }),
    steps: [updateServiceStep(ctx, patch, (c) => roleArnKey(configuredRoleArn(c as ServiceConfig) ?? "") === roleArnKey(roleArn) && (!inCredential || roleArnKey(String((c as ServiceConfig).credential?.role_arn ?? "")) === roleArnKey(roleArn)))],
  };
}
