import "server-only";
import { roleArnKey } from "../policy/arn";
import { configuredRoleArn } from "../service-config/analyse";
import type { ServiceConfig } from "../service-config/types";
import type { WritePlan } from "../writes/plan";
import { say } from "./catalog";
import type { Json } from "./merge-patch";
import { serviceTarget, type FixContext } from "./context";
import { updateServiceStep } from "./update-service-config";

/** UpdateService so that role_arn (or credential.role_arn, where the config keeps it) names an existing role. */
export function pointRoleArn(ctx: FixContext, roleName: string, roleArn: string, configPath: "role_arn" | "credential.role_arn"): WritePlan {
  const patch: Record<string, Json> = configPath === "role_arn" ? { role_arn: roleArn } : { credential: { role_arn: roleArn } };
  return {
    action: "fix.point_role_arn",
    target: serviceTarget(ctx),
    title: say("fix.point-role-arn", { role: roleName }),
    steps: [updateServiceStep(ctx, patch, (config) => roleArnKey(configuredRoleArn(config as ServiceConfig) ?? "") === roleArnKey(roleArn))],
  };
}
