import "server-only";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { credentialsFileSource } from "./file-source";
import { cliProfileSource, ecsRamRoleSource, environmentSource, iniProfileSource, oidcSource, uriSource } from "./sdk-sources";
import type { ChainEntry } from "./types";

// The console's credential chain, in this order (README states it too):
//   1 environment        ALIBABA_CLOUD_ACCESS_KEY_ID + _SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN)
//   2 oidc               ALIBABA_CLOUD_ROLE_ARN + _OIDC_PROVIDER_ARN + _OIDC_TOKEN_FILE (RRSA)
//   3 profile            the Aliyun CLI's ~/.aliyun/config.json
//   4 profile            the INI credentials file, ~/.alibabacloud/credentials or ALIBABA_CLOUD_CREDENTIALS_FILE
//   5 credentials-uri    ALIBABA_CLOUD_CREDENTIALS_URI (EAS injects it)
//   6 credentials-file   ROLESCOPE_CREDENTIALS_FILE, default /etc/ram/credentials (EAS writes it)
//   7 ecs-ram-role       the ECS metadata service, unless ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
// The SDK's own chain has 1–4, then the metadata service, then the URI. Here what EAS injects
// comes before the metadata service, so an EAS instance never waits on a metadata probe first.

export interface ChainSettings {
  credentialsFile: string;
  timeoutMs: number;
}

// The paths come from the environment at run time; the build must not trace them into the bundle.
const isTrue = (v: string | undefined) => v?.toLowerCase() === "true";

/** The links as configured now. The SDK's providers read process.env themselves, so this does too. */
export function describeChain(s: ChainSettings): ChainEntry[] {
  const vars = process.env;
  const home = vars.HOME || homedir();
  const o = { timeoutMs: s.timeoutMs };
  const cliPath = join(home, ".aliyun", "config.json");
  const iniPath = vars.ALIBABA_CLOUD_CREDENTIALS_FILE || join(home, ".alibabacloud", "credentials");
  const oidc = vars.ALIBABA_CLOUD_ROLE_ARN && vars.ALIBABA_CLOUD_OIDC_PROVIDER_ARN && vars.ALIBABA_CLOUD_OIDC_TOKEN_FILE;
  const entry = (link: ChainEntry["link"], source: ChainEntry["source"], configured: boolean, create: NonNullable<ChainEntry["create"]>): ChainEntry =>
    configured ? { link, source, configured, create } : { link, source, configured };
  return [
    entry("environment", "environment", Boolean(vars.ALIBABA_CLOUD_ACCESS_KEY_ID && vars.ALIBABA_CLOUD_ACCESS_KEY_SECRET), environmentSource),
    entry("oidc", "oidc", Boolean(oidc), () => oidcSource(vars.ALIBABA_CLOUD_ROLE_ARN ?? "", o)),
    entry("cli-profile", "profile", !isTrue(vars.ALIBABA_CLOUD_CLI_PROFILE_DISABLED) && existsSync(/*turbopackIgnore: true*/ cliPath), () => cliProfileSource(cliPath, vars.ALIBABA_CLOUD_PROFILE)),
    entry("ini-profile", "profile", existsSync(/*turbopackIgnore: true*/ iniPath), () => iniProfileSource(iniPath, vars.ALIBABA_CLOUD_PROFILE || "default")),
    entry("credentials-uri", "credentials-uri", Boolean(vars.ALIBABA_CLOUD_CREDENTIALS_URI), () => uriSource(vars.ALIBABA_CLOUD_CREDENTIALS_URI ?? "", o)),
    entry("credentials-file", "credentials-file", existsSync(/*turbopackIgnore: true*/ s.credentialsFile), () => credentialsFileSource(s.credentialsFile)),
    entry("ecs-ram-role", "ecs-ram-role", !isTrue(vars.ALIBABA_CLOUD_ECS_METADATA_DISABLED), () => ecsRamRoleSource(vars.ALIBABA_CLOUD_ECS_METADATA || undefined, o)),
  ];
}
