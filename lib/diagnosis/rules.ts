import { readinessRule } from "../readiness/rules";
import { imageNotFound, insufficientResources, instanceCrash, oomKilled } from "./explain-event";
import type { Finding } from "../readiness/finding";
import type { EventPattern, Stage } from "./stages";
import type { DeployEvent, DiagnosisFacts, InstanceState, RuleCode } from "./types";

/**
 * One row per cause. The event names the stage that failed; within it the rows are tried in the
 * order the platform meets them, and the first that holds is the cause. A row with `check` is
 * decided by the account and the config (and so also makes a service's health before it fails);
 * a row with `explain` by the event alone, where nothing in RAM holds the cause.
 */
export interface CauseRule {
  code: RuleCode;
  stage: Stage;
  /** Narrows the stage to what the event says, where the platform's words are the only witness. */
  when?: readonly EventPattern[];
  check?: (f: DiagnosisFacts) => Finding | undefined;
  explain?: (e: DeployEvent, f: DiagnosisFacts, instances?: InstanceState[]) => Finding;
}

const NOT_FOUND: EventPattern[] = [{ message: /no such host/ }, { message: /code = NotFound|: not found\b/ }];
const OOM: EventPattern[] = [{ reason: /^OOMKilled$/ }, { message: /\bOOMKilled\b|exit code:? 137\b/ }];

export const RULES: readonly CauseRule[] = [
  // The account's causes are the readiness rows, asked here after the event named their stage.
  { code: "ROLE_NOT_FOUND", stage: "render", check: readinessRule("role-exists").check },
  { code: "PASSROLE_DENIED", stage: "render", check: readinessRule("pass-role").check },
  { code: "TRUST_MISSING_EAS", stage: "render", check: readinessRule("trust-admits-eas").check },
  { code: "DEFAULT_ROLE_MISSING", stage: "render", check: readinessRule("default-role-exists").check },
  { code: "WORKSPACE_ID_MISSING", stage: "render", check: readinessRule("workspace-for-oss").check },
  { code: "INSUFFICIENT_RESOURCES", stage: "schedule", explain: insufficientResources },
  { code: "MOUNT_DENIED", stage: "mount", check: readinessRule("mounts-covered").check },
  { code: "IMAGE_NOT_FOUND", stage: "pull", when: NOT_FOUND, explain: imageNotFound },
  { code: "IMAGE_PULL_DENIED", stage: "pull", check: readinessRule("image-pulls-covered").check },
  { code: "OOM_KILLED", stage: "run", when: OOM, explain: oomKilled },
  { code: "INSTANCE_CRASH", stage: "run", explain: instanceCrash },
];
