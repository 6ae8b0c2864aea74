// Pure reading of EAS service configs: which RAM role, and what it must allow. No I/O.
export * from "./types";
export { parseServiceConfig } from "./parse";
export { analyseServiceConfig, configuredRoleArn, PAI_DEFAULT_ROLE } from "./analyse";
export { checkNeeds, type CheckResult, type NeedResult } from "./check";
export { computeNeeds, ossChecks, parseNasServer, parseOssPath, type NeedScope } from "./needs";
export { parseRegistryImage, type RegistryImage } from "./image-ref";
export { ossLocations, type OssLocation } from "./oss-locations";
