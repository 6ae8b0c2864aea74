import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import type { Env } from "../env";
import { easPortFor, DEFAULT_REGIONS } from "./emulator-endpoints";
import { createEasGateway } from "./eas-gateway";
import { createRamGateway } from "./ram-gateway";
import type { Cloud } from "./types";

// Kept apart from index.ts (server-only) so that benchmarks and tests under tsx can build a cloud.

/**
 * Builds both gateways from configuration. The same code serves the emulator and a real
 * account: only endpoints and credentials differ.
 */
export function createCloud(env: Env): Cloud {
  const timeouts = { readTimeoutMs: env.ROLESCOPE_CLOUD_TIMEOUT_MS, connectTimeoutMs: env.ROLESCOPE_CLOUD_TIMEOUT_MS };
  if (env.ROLESCOPE_CLOUD === "emulator") {
    const credential = new Credential(
      new CredentialConfig({ type: "access_key", accessKeyId: env.EMULATOR_ACCESS_KEY_ID, accessKeySecret: env.EMULATOR_ACCESS_KEY_SECRET }),
    );
    const [host, port] = env.EMULATOR_ENDPOINT.split(":");
    const base = Number(port);
    return {
      ram: createRamGateway({ endpoint: env.EMULATOR_ENDPOINT, protocol: "HTTP", credential, ...timeouts }),
      eas: createEasGateway({
        regions: env.ROLESCOPE_REGIONS,
        endpointFor: (region) => `${host}:${easPortFor(base, DEFAULT_REGIONS, region)}`,
        protocol: "HTTP",
        credential,
        ...timeouts,
      }),
      describe: () => ({ mode: "emulator", endpoint: env.EMULATOR_ENDPOINT, regions: env.ROLESCOPE_REGIONS }),
    };
  }
  // The default chain: environment keys, OIDC, CLI profile, credentials file, ECS role, credentials URI.
  const credential = new Credential();
  return {
    ram: createRamGateway({ endpoint: env.ALIBABA_CLOUD_RAM_ENDPOINT, protocol: "HTTPS", credential, ...timeouts }),
    eas: createEasGateway({
      regions: env.ROLESCOPE_REGIONS,
      endpointFor: (region) => `pai-eas.${region}.aliyuncs.com`,
      protocol: "HTTPS",
      credential,
      ...timeouts,
    }),
    describe: () => ({ mode: "aliyun", endpoint: env.ALIBABA_CLOUD_RAM_ENDPOINT, regions: env.ROLESCOPE_REGIONS }),
  };
}
