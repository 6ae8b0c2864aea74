// Preflight: a service config checked against the account before it is deployed.
export { PREFLIGHT_CODES } from "./rules";
export { gatherPreflightFacts, type AccountReader } from "./facts";
export { evaluatePreflight, isReady, runPreflight, type PreflightAnswer } from "./run";
export { preflightInputSchema } from "./input";
