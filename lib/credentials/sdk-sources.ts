import "server-only";
import {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
} from "@alicloud/credentials";
import type { Session, SessionCredentialProvider } from "@alicloud/credentials/dist/src/providers/session";
import { parseExpiration, safeUrl } from "./text";
import type { CredentialSource, Fetched } from "./types";

// The default chain's providers from @alicloud/credentials, one source each. Session providers
// (URI, OIDC, ECS RAM role) are asked through their public `refresher`, which fetches afresh and
// returns the Expiration: their own getCredentials() hides it, refetches on every call when a
// session has less than 15 minutes left, and keeps returning expired credentials when the
// endpoint fails. The manager decides when to refresh instead.

export interface SdkSourceOptions {
  timeoutMs: number;
}

async function fromSession(provider: SessionCredentialProvider): Promise<Fetched> {
  const s: Session = await provider.refresher();
  if (!s?.accessKeyId || !s.accessKeySecret || !s.securityToken) throw new Error("the answer lacks AccessKeyId, AccessKeySecret or SecurityToken");
  return { accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret, securityToken: s.securityToken, expiresAt: parseExpiration(s.expiration) };
}

/** ALIBABA_CLOUD_CREDENTIALS_URI: what EAS injects into an instance. */
export function uriSource(uri: string, o: SdkSourceOptions): CredentialSource {
  const provider = URICredentialsProvider.builder().withCredentialsURI(uri).withReadTimeout(o.timeoutMs).withConnectTimeout(o.timeoutMs).build();
  return { source: "credentials-uri", link: "credentials-uri", location: safeUrl(uri), providerName: "credential_uri", fetch: () => fromSession(provider) };
}

/** OIDC / RRSA: AssumeRoleWithOIDC from ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN and _OIDC_TOKEN_FILE. */
export function oidcSource(roleArn: string, o: SdkSourceOptions): CredentialSource {
  const provider = OIDCRoleArnCredentialsProvider.builder().withReadTimeout(o.timeoutMs).withConnectTimeout(o.timeoutMs).build();
  return { source: "oidc", link: "oidc", location: roleArn, providerName: "oidc_role_arn", fetch: () => fromSession(provider) };
}

/** The ECS instance's RAM role from the metadata service (100.100.100.200). */
export function ecsRamRoleSource(roleName: string | undefined, o: SdkSourceOptions): CredentialSource {
  const builder = ECSRAMRoleCredentialsProvider.builder().withReadTimeout(o.timeoutMs).withConnectTimeout(o.timeoutMs);
  // With no role name the SDK asks the metadata service which role the instance has.
  if (roleName) builder.withRoleName(roleName);
  const provider = builder.build();
  return { source: "ecs-ram-role", link: "ecs-ram-role", location: roleName ?? "the instance's role", providerName: "ecs_ram_role", fetch: () => fromSession(provider) };
}

/** ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, with ALIBABA_CLOUD_SECURITY_TOKEN for an STS token. */
export function environmentSource(): CredentialSource {
  const provider = EnvironmentVariableCredentialsProvider.builder().build();
  return {
    source: "environment",
    link: "environment",
    location: process.env.ALIBABA_CLOUD_SECURITY_TOKEN ? "ALIBABA_CLOUD_ACCESS_KEY_ID with ALIBABA_CLOUD_SECURITY_TOKEN" : "ALIBABA_CLOUD_ACCESS_KEY_ID",
    providerName: "env",
    async fetch() {
      const c = await provider.getCredentials();
      return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
    },
  };
}

// A profile may itself be a role (RamRoleArn, EcsRamRole…), whose session the SDK keeps and
// refreshes inside the profile provider; it reports no expiry, so the manager asks it again often.
function profileSource(link: "cli-profile" | "ini-profile", location: string, provider: { getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }> }): CredentialSource {
  return {
    source: "profile",
    link,
    location,
    providerName: link === "cli-profile" ? "cli_profile" : "profile",
    async fetch() {
      const c = await provider.getCredentials();
      return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
    },
  };
}

/** The Aliyun CLI's `~/.aliyun/config.json`, profile ALIBABA_CLOUD_PROFILE or the CLI's current one. */
export function cliProfileSource(path: string, profile: string | undefined): CredentialSource {
  const builder = CLIProfileCredentialsProvider.builder();
  if (profile) builder.withProfileName(profile);
  return profileSource("cli-profile", `${path}${profile ? ` (profile ${profile})` : ""}`, builder.build());
}

/** The INI credentials file (`~/.alibabacloud/credentials` or ALIBABA_CLOUD_CREDENTIALS_FILE), section ALIBABA_CLOUD_PROFILE. */
export function iniProfileSource(path: string, profile: string): CredentialSource {
  return profileSource("ini-profile", `${path} (profile ${profile})`, ProfileCredentialsProvider.builder().build());
}
