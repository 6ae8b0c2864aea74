import "server-only";
import { requirePermission, type Actor } from "../actor";
import { toCloudError } from "./call";
import type { Cloud, CloudErrorShape } from "./types";
import type { ConsoleCredentials } from "../credentials/console-credentials";
import { maskAccessKeyId } from "../credentials/text";
import type { ChainLink, SourceName } from "../credentials/types";

/** GET /api/credentials, exactly. Holds no secret: the key id is masked, secret and token never leave the manager. */
export interface CredentialsStatus {
  source: SourceName | null;
  identity: { arn: string; accountId: string } | null;
  accessKeyId: string | null;
  expiresAt: string | null;
  lastRefreshAt: string | null;
  lastError: { message: string; at: string } | null;
}

/** What the credentials page shows besides: where the source reads from, the chain, why the identity is missing. */
export interface CredentialsView extends CredentialsStatus {
  mode: ConsoleCredentials["mode"];
  location: string | null;
  chain: { link: ChainLink; source: SourceName; configured: boolean; inUse: boolean }[];
  identityError: CloudErrorShape | null;
  /** When this was read (epoch ms): where the page's countdown starts. */
  readAt: number;
}

export interface CredentialsDeps {
  credentials: ConsoleCredentials;
  cloud: Cloud;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The console's credentials as they stand, with the identity STS GetCallerIdentity names for them (admins). */
export async function loadCredentialsView(deps: CredentialsDeps, actor: Actor): Promise<CredentialsView> {
  requirePermission(actor, "credentials:read");
  let identity: CredentialsStatus["identity"] = null;
  let identityError: CloudErrorShape | null = null;
  try {
    const who = await deps.cloud.ram.getCallerIdentity();
    identity = { arn: who.arn, accountId: who.accountId };
  } catch (err) {
    identityError = toCloudError(err).toJSON();
  }
  const s = deps.credentials.manager.state();
  return {
    source: s.source,
    identity,
    accessKeyId: s.accessKeyId === null ? null : maskAccessKeyId(s.accessKeyId),
    expiresAt: iso(s.expiresAt),
    lastRefreshAt: iso(s.lastRefreshAt),
    lastError: s.lastError ? { message: s.lastError.message, at: new Date(s.lastError.at).toISOString() } : null,
    mode: deps.credentials.mode,
    location: s.location,
    chain: deps.credentials.chain().flatMap((e) => (e.link ? [{ link: e.link, source: e.source, configured: e.configured, inUse: e.link === s.link }] : [])),
    identityError,
    readAt: Date.now(),
  };
}

export async function loadCredentialsStatus(deps: CredentialsDeps, actor: Actor): Promise<CredentialsStatus> {
  const v = await loadCredentialsView(deps, actor);
  return { source: v.source, identity: v.identity, accessKeyId: v.accessKeyId, expiresAt: v.expiresAt, lastRefreshAt: v.lastRefreshAt, lastError: v.lastError };
}
