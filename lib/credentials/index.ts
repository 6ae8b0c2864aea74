import "server-only";
// The console's own cloud credentials: the chain, the manager that refreshes them, their status.
export { createConsoleCredentials, type ConsoleCredentials } from "./console-credentials";
export { CredentialsUnavailableError } from "./errors";
export { loadCredentialsStatus, loadCredentialsView } from "./status";
