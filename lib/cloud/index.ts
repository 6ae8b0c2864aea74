import "server-only";
import { getConsoleCredentials } from "../credentials/server";
import { getEnv } from "../env";
import { createCloud } from "./create-cloud";
import type { Cloud } from "./types";

export type { Cloud } from "./types";
export { createCloud } from "./create-cloud";

// One per process, whichever bundle asks first (see lib/inventory/server-deps.ts).
const KEY = Symbol.for("rolescope.cloud");
type Holder = { [KEY]?: Cloud };

/** The console's one cloud, built on first use. */
export function getCloud(): Cloud {
  const g = globalThis as Holder;
  g[KEY] ??= createCloud(getEnv(), { credentials: getConsoleCredentials() });
  return g[KEY];
}
