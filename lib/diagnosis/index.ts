// Deployment failures → cause, evidence and fixes: a rule table over an event and the account's facts. Pure.
export * from "./types";
export { diagnose, type DiagnosisInput } from "./diagnose";
export { serviceHealth, type HealthCode, type HealthIssue, type RoleHealth } from "./health";
export { RULES, type CauseRule } from "./rules";
export { FAILING_STATUSES, IN_PROGRESS_STATUSES, STAGE_EVENTS, stageOf, type Stage } from "./stages";
export { COVER_POLICIES, scopedDocument, scopedPolicyName } from "../readiness/checks-needs";
export { nearNames, nearness } from "../readiness/near-names";
