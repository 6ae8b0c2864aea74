import { imagePullDenied, codeAccessDenied, mountDenied } from "./checks-needs";
import { defaultRoleMissing, passRoleDenied, roleNotFound, trustMissingEas, workspaceIdMissing } from "./checks-role";
import type { ReadinessFacts } from "./facts";
import type { Finding } from "./finding";

/**
 * Will this role work for this config? One row per question, each a pure check over the
 * account's facts, in the order the platform meets them. Preflight (before a deploy), the render,
 * mount and pull stages of a diagnosis (after one fails), the list's health column and the
 * wizard's checks all ask these rows and nothing else; each API keeps its own public code for a
 * row (README, "Readiness rules").
 */
export interface ReadinessRule {
  id: ReadinessRuleId;
  /** Where a failed deployment shows the row's cause. */
  stage: "render" | "mount" | "pull" | "code";
  /** The cause a diagnosis names (absent: the row is no deployment failure, only a health issue). */
  cause?: "ROLE_NOT_FOUND" | "PASSROLE_DENIED" | "TRUST_MISSING_EAS" | "DEFAULT_ROLE_MISSING" | "WORKSPACE_ID_MISSING" | "MOUNT_DENIED" | "IMAGE_PULL_DENIED";
  /** The code `POST /api/preflight` answers. */
  preflight: "ROLE_NOT_FOUND" | "PASSROLE_MISSING" | "TRUST_MISSING_EAS" | "DEFAULT_ROLE_MISSING" | "WORKSPACE_ID_MISSING" | "NEED_NOT_COVERED";
  /** The health column's code. */
  health: string;
  check(f: ReadinessFacts): Finding | undefined;
}

export type ReadinessRuleId = "role-exists" | "pass-role" | "trust-admits-eas" | "default-role-exists" | "workspace-for-oss" | "mounts-covered" | "image-pulls-covered" | "code-access-covered";

export const READINESS_RULES: readonly ReadinessRule[] = [
  { id: "role-exists", stage: "render", cause: "ROLE_NOT_FOUND", preflight: "ROLE_NOT_FOUND", health: "ROLE_NOT_FOUND", check: roleNotFound },
  { id: "pass-role", stage: "render", cause: "PASSROLE_DENIED", preflight: "PASSROLE_MISSING", health: "PASSROLE_DENIED", check: passRoleDenied },
  { id: "trust-admits-eas", stage: "render", cause: "TRUST_MISSING_EAS", preflight: "TRUST_MISSING_EAS", health: "TRUST_MISSING_EAS", check: trustMissingEas },
  { id: "default-role-exists", stage: "render", cause: "DEFAULT_ROLE_MISSING", preflight: "DEFAULT_ROLE_MISSING", health: "DEFAULT_ROLE_MISSING", check: defaultRoleMissing },
  { id: "workspace-for-oss", stage: "render", cause: "WORKSPACE_ID_MISSING", preflight: "WORKSPACE_ID_MISSING", health: "WORKSPACE_ID_MISSING", check: workspaceIdMissing },
  { id: "mounts-covered", stage: "mount", cause: "MOUNT_DENIED", preflight: "NEED_NOT_COVERED", health: "MOUNT_DENIED", check: mountDenied },
  { id: "image-pulls-covered", stage: "pull", cause: "IMAGE_PULL_DENIED", preflight: "NEED_NOT_COVERED", health: "IMAGE_PULL_DENIED", check: imagePullDenied },
  // Not a deployment failure (the code meets it later, at run time), but a need the role does not meet.
  { id: "code-access-covered", stage: "code", preflight: "NEED_NOT_COVERED", health: "NEED_DENIED", check: codeAccessDenied },
];

export const readinessRule = (id: ReadinessRuleId): ReadinessRule => READINESS_RULES.find((r) => r.id === id)!;
