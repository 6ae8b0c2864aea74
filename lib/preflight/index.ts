// Preflight: a service config checked against the account before it is deployed.
export { PREFLIGHT_CODES, PREFLIGHT_RULES, type PreflightCode, type Severity } from "./rules";
export { accountReader, gatherPreflightFacts, type AccountReader, type PreflightFacts, type PreflightInput } from "./facts";
export { evaluatePreflight, isReady, runPreflight, type PreflightAnswer } from "./run";
export type { Finding } from "./format";
export { preflightInputSchema } from "./input";
