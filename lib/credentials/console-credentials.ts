import "server-only";
import Credential from "@alicloud/credentials";
import type { Env } from "../env";
import { describeChain } from "./chain";
import { CredentialManager, type ManagerOptions } from "./manager";
import type { ChainEntry, CredentialSource } from "./types";

/** The console's own credentials: what its gateways sign with, and what the status page reads. */
export interface ConsoleCredentials {
  mode: Env["ROLESCOPE_CREDENTIALS"];
  manager: CredentialManager;
  /** For the SDK clients: `new Ram({ credential, … })`. Every call asks the manager. */
  credential: Credential;
  /** The chain's links as configured now (empty with the emulator's key). */
  chain(): ChainEntry[];
}

function emulatorSource(env: Env): CredentialSource {
  const key = { accessKeyId: env.EMULATOR_ACCESS_KEY_ID, accessKeySecret: env.EMULATOR_ACCESS_KEY_SECRET };
  return { source: "emulator", location: env.EMULATOR_ENDPOINT, providerName: "static_ak", fetch: async () => key };
}

/** An SDK Credential that signs with whatever the manager holds at the moment of each call. */
function credentialFromManager(manager: CredentialManager): Credential {
  return new Credential(null, {
    getProviderName: () => "rolescope",
    async getCredentials() {
      const h = await manager.get();
      return { accessKeyId: h.accessKeyId, accessKeySecret: h.accessKeySecret, securityToken: h.securityToken, providerName: `rolescope/${h.source.providerName}` };
    },
  });
}

export function createConsoleCredentials(env: Env, opts: ManagerOptions = {}): ConsoleCredentials {
  const settings = { credentialsFile: env.ROLESCOPE_CREDENTIALS_FILE, timeoutMs: env.ROLESCOPE_CREDENTIALS_TIMEOUT_MS };
  const chain =
    env.ROLESCOPE_CREDENTIALS === "emulator"
      ? () => [{ source: "emulator", configured: true, create: () => emulatorSource(env) } satisfies ChainEntry]
      : () => describeChain(settings);
  const manager = new CredentialManager(chain, opts);
  return {
    mode: env.ROLESCOPE_CREDENTIALS,
    manager,
    credential: credentialFromManager(manager),
    chain: env.ROLESCOPE_CREDENTIALS === "emulator" ? () => [] : () => describeChain(settings),
  };
}
