import "server-only";
import { getEnv } from "../env";
import { createConsoleCredentials, type ConsoleCredentials } from "./console-credentials";

// One holder per process, on globalThis: Next loads server code in more than one bundle
// (instrumentation, routes, pages), and they must share one set of credentials and its refresh.
const KEY = Symbol.for("rolescope.console-credentials");
type Holder = { [KEY]?: ConsoleCredentials };

/** The console's own credentials, built from the environment on first use. */
export function getConsoleCredentials(): ConsoleCredentials {
  const holder = globalThis as Holder;
  holder[KEY] ??= createConsoleCredentials(getEnv(), { log: (line) => console.warn(line) });
  return holder[KEY];
}
