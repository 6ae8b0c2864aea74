import "server-only";
import { getConsoleCredentials } from "../credentials/server";
import { getEnv } from "../env";
import { createCloud } from "./create-cloud";
import type { Cloud } from "./types";

export type { Cloud } from "./types";
export { CloudError } from "./types";
export { createCloud } from "./create-cloud";

let cloud: Cloud | undefined;

/** The console's one cloud, built on first use. */
export function getCloud(): Cloud {
  cloud ??= createCloud(getEnv(), { credentials: getConsoleCredentials() });
  return cloud;
}
