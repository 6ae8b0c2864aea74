// The RAM policy engine: pure, shared by the console, its server and the emulator.
export * from "./types";
export { parsePolicy, validatePolicy, type ParseOptions } from "./parse";
export { serializePolicy } from "./serialize";
export { evaluate, type EvaluateOptions } from "./evaluate";
export { canAssume, trustedPrincipals, type TrustedPrincipal } from "./trust";
export { lintPolicy } from "./lint";
export { LINT_RULES, type LintCode } from "./lint-rules";
export { diffPolicies, grantsMore } from "./diff";
export { diffJsonLines, type JsonLine } from "./json-lines";
export type { PolicyInput } from "./policy-input";
export { EAS_SERVICE_PRINCIPAL, addServicePrincipal, buildEasTrustPolicy, buildPassRolePolicy } from "./builders";
export { actionMatches, resourceMatches } from "./wildcard";
export { parseArn, roleArn, roleNameFromArn, type Arn } from "./arn";
export { RoleMap, roleKey } from "./role-identity";
export { CONDITION_OPERATORS } from "./operators";
export * from "./limits";
export { buildConsolePolicy, type ConsolePolicyMode, type ConsolePolicyOptions, type PolicyOperation } from "./console-policy";
