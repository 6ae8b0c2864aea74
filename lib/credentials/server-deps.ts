import "server-only";
import { getEnv } from "../env";
import { processSingleton } from "../process-singleton";
import { createConsoleCredentials, type ConsoleCredentials } from "./console-credentials";

/** The console's own credentials, built from the environment on first use; one set and one refresh per process. */
export function getConsoleCredentials(): ConsoleCredentials {
  return processSingleton("console-credentials", () => createConsoleCredentials(getEnv(), { log: (line) => console.warn(line) }));
}
