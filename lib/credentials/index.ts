import "server-only";
// The console's own cloud credentials: the chain, the manager that refreshes them, their status.
export type { ChainEntry, ChainLink, CredentialSource, Fetched, SourceName } from "./types";
export { createConsoleCredentials, credentialFromManager, type ConsoleCredentials } from "./console-credentials";
export { CredentialManager, type ManagerOptions, type ManagerState } from "./manager";
export { CredentialsUnavailableError, CREDENTIALS_UNAVAILABLE } from "./errors";
export { loadCredentialsStatus, loadCredentialsView, type CredentialsDeps, type CredentialsStatus, type CredentialsView } from "./status";
