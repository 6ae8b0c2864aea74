// The RAM policy engine: pure, shared by the console, its server and the emulator.
export * from "./types";
export { parsePolicy } from "./parse";
export { serializePolicy } from "./serialize";
export { evaluate } from "./evaluate";
export { canAssume, trustedPrincipals, type TrustedPrincipal } from "./trust";
export { lintPolicy } from "./lint";
export { diffJsonLines, type JsonLine } from "./json-lines";
export { EAS_SERVICE_PRINCIPAL, addServicePrincipal, buildEasTrustPolicy, buildPassRolePolicy } from "./builders";
export { resourceMatches } from "./wildcard";
export { parseArn, roleNameFromArn } from "./arn";
export { RoleMap, roleKey } from "./role-identity";
export * from "./limits";
export { buildConsolePolicy, type ConsolePolicyMode } from "./console-policy";
