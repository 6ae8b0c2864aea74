import "server-only";

/** Where the console's own credentials came from, as GET /api/credentials names it. */
export type SourceName = "emulator" | "environment" | "credentials-uri" | "credentials-file" | "oidc" | "profile" | "ecs-ram-role";

/** One link of the chain; two links (CLI profile, credentials-file profile) share the source `profile`. */
export type ChainLink = "environment" | "oidc" | "cli-profile" | "ini-profile" | "credentials-uri" | "credentials-file" | "ecs-ram-role";

/** A key pair as a source hands it over. Held in memory only; never logged or sent to the browser. */
export interface Fetched {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** Epoch ms; undefined when the source does not say (a long-term AccessKey, an SDK-managed profile). */
  expiresAt?: number;
}

export interface CredentialSource {
  source: SourceName;
  link?: ChainLink;
  /** Where it reads from, for the status page: a path, a URL without its query, an ARN. Never a secret. */
  location: string;
  /** Sent as `x-acs-credentials-provider`, in the SDK's own words (`credential_uri`). */
  providerName: string;
  fetch(): Promise<Fetched>;
}

/** A link of the chain as the status page lists it. */
export interface ChainEntry {
  /** Absent for the emulator's key, which is no link of the chain. */
  link?: ChainLink;
  source: SourceName;
  configured: boolean;
  /** Set once the link is configured. */
  create?: () => CredentialSource;
}
