import "server-only";
import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import type { Env } from "../env";
import { emulatorEasEndpoint } from "./emulator-regions";
import { createEasGateway } from "./eas-gateway";
import { createRamGateway } from "./ram-gateway";
import type { Cloud } from "./types";

// Apart from index.ts so benchmarks and CLI tools can build a cloud of their own (they run
// under the react-server condition, which lets them import server-only modules).

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
    return {
      ram: createRamGateway({ endpoint: env.EMULATOR_ENDPOINT, protocol: "HTTP", credential, ...timeouts }),
      eas: createEasGateway({
        regions: env.ROLESCOPE_REGIONS,
        endpointFor: (region) => emulatorEasEndpoint(env, region),
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
