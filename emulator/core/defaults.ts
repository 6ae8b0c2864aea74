// The emulator's well-known root credentials and hosts. The README states the key pair; it
// unlocks only this local stand-in, never a real account.
export const DEFAULT_ACCESS_KEY_ID = "LTAI5tRoleScopeEmulator";
export const DEFAULT_ACCESS_KEY_SECRET = "RoleScopeEmulatorSecret0000000000";

export const RAM_HOST_ID = "ram.aliyuncs.com";
export const STS_HOST_ID = "sts.aliyuncs.com";
export const RAM_VERSION = "2015-05-01";
export const STS_VERSION = "2015-04-01";
/** ActionTrail's API, served on every port; its regional endpoint is actiontrail.{region}.aliyuncs.com. */
export const ACTIONTRAIL_VERSION = "2020-07-06";
export const RESOURCE_MANAGER_HOST_ID = "resourcemanager.aliyuncs.com";
export const RESOURCE_MANAGER_VERSION = "2020-03-31";

/** Credentials handed to EAS instances through the credentials URI. */
export const CREDENTIALS_URI_TTL_SECONDS = 3600;
export const STATE_FILE = "emulator-state.json";
export const STATE_SHAPE_VERSION = 1;

/** The base port and regions when none are given; the console's emulator endpoints use the same (a test holds them equal). */
export const DEFAULT_EMULATOR_PORT = 4610;
export const DEFAULT_REGIONS = ["cn-hangzhou", "ap-southeast-1"] as const;
