// Will this role work for this config: the facts, the one rule table, the trust explanation. Pure.
export * from "./facts";
export * from "./evidence";
export { READINESS_RULES, evaluateReadiness, readinessRule, type ReadinessRule, type ReadinessRuleId } from "./rules";
export { analyseService, checkServiceNeeds, type NeedCheck, type RoleUse, type ServiceRoleUse } from "./use";
export { explainTrust, roleFacts, type TrustPrincipalView, type TrustReason, type TrustVerdict } from "./trust";
export { COVER_POLICIES, scopedDocument, scopedPolicyName } from "./checks-needs";
export { nearNames, nearness } from "./near-names";
export type { Finding } from "./finding";
// The one evaluation of needs against a role's policies (lib/policy, as RAM decides).
export { checkNeeds, type CheckResult, type NeedResult } from "../service-config/check";
