import "server-only";
import { getConsoleCredentials } from "../credentials/server-deps";
import { getEnv } from "../env";
import { processSingleton } from "../process-singleton";
import { createCloud } from "./create-cloud";
import type { Cloud } from "./types";

export type { Cloud } from "./types";
export { createCloud } from "./create-cloud";

/** The console's one cloud, built on first use, whichever bundle asks first. */
export function getCloud(): Cloud {
  return processSingleton("cloud", () => createCloud(getEnv(), { credentials: getConsoleCredentials() }));
}
