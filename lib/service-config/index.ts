// Pure reading of EAS service configs: which RAM role, and what it must allow. No I/O.
export * from "./types";
export { configProblemText, parseServiceConfig, type ConfigProblem } from "./parse";
export { analyseServiceConfig, configuredRole, isServiceLinkedRole, PAI_DEFAULT_ROLE } from "./analyse";
export { checkNeeds } from "./check";
