import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";

// The process environment of a machine with no cloud credentials at all: no AccessKey or OIDC
// variables, an empty home (no CLI or INI profile), no metadata service. A test then adds the one
// source it is about. Undo with vi.unstubAllEnvs().
const CHAIN_VARS = [
  "ALIBABA_CLOUD_ACCESS_KEY_ID",
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  "ALIBABA_CLOUD_SECURITY_TOKEN",
  "ALIBABA_CLOUD_ROLE_ARN",
  "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
  "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
  "ALIBABA_CLOUD_CREDENTIALS_URI",
  "ALIBABA_CLOUD_CREDENTIALS_FILE",
  "ALIBABA_CLOUD_PROFILE",
  "ALIBABA_CLOUD_ECS_METADATA",
];

/** Returns the empty home directory it set. */
export function withoutCloudCredentials(): string {
  const home = mkdtempSync(join(tmpdir(), "rolescope-home-"));
  for (const v of CHAIN_VARS) vi.stubEnv(v, undefined);
  vi.stubEnv("HOME", home);
  vi.stubEnv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
  return home;
}
