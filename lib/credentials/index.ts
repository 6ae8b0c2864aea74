import "server-only";
// The console's own cloud credentials: the chain and the manager that refreshes them. Their status,
// with the identity STS names for them, is read through the cloud (lib/cloud/credentials-status.ts).
export { createConsoleCredentials, type ConsoleCredentials } from "./console-credentials";
export { CredentialsUnavailableError } from "./errors";
