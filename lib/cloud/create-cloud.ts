import "server-only";
import { createConsoleCredentials, type ConsoleCredentials } from "../credentials/console-credentials";
import type { Env } from "../env";
import { emulatorEasEndpoint } from "../emulator-ports";
import { createActionTrailGateway } from "./actiontrail-gateway";
import { createEasGateway } from "./eas-gateway";
import { createRamAuditGateway } from "./ram-audit-gateway";
import { WRITE_METHODS, operationOf } from "./operations";
import { createRamGateway } from "./ram-gateway";
import { assertCloudWritable } from "./read-only";
import { CloudError, type Cloud, type CloudDescription } from "./types";

// Apart from index.ts so benchmarks and CLI tools can build a cloud of their own (they run
// under the react-server condition, which lets them import server-only modules).

export interface CreateCloudOptions {
  /** The console's own credentials; by default a new set built from `env` (ROLESCOPE_CREDENTIALS). */
  credentials?: ConsoleCredentials;
}

// Rejects as the call would have, asynchronously, with the one read-only refusal.
const readOnlyRefusal = async () => assertCloudWritable(true);

/** The gateway with every write of lib/cloud/operations.ts refused before anything is sent. */
function withoutWrites<T extends object>(gateway: T, prefix: "ram" | "eas" | "actiontrail" | "ramAudit"): T {
  const guarded = { ...gateway } as Record<string, unknown>;
  for (const name of Object.keys(guarded)) if (WRITE_METHODS.has(`${prefix}.${name}`)) guarded[name] = readOnlyRefusal;
  return guarded as T;
}

/** Where the console's cloud calls go, from configuration alone (no client is built). Holds no secret. */
export function describeCloud(env: Env): CloudDescription {
  return {
    mode: env.ROLESCOPE_CLOUD,
    endpoint: env.ROLESCOPE_CLOUD === "emulator" ? env.EMULATOR_ENDPOINT : env.ALIBABA_CLOUD_RAM_ENDPOINT,
    regions: env.ROLESCOPE_REGIONS,
  };
}

/**
 * The gateway with each failure naming the operation that failed, so a page can say which call
 * it was and which RAM action the console's credentials need for it (lib/cloud/operations.ts).
 */
export function withOperationNames<T extends object>(gateway: T, prefix: "ram" | "eas" | "actiontrail" | "ramAudit"): T {
  const named = { ...gateway } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(named)) {
    const op = operationOf(`${prefix}.${name}`);
    if (!op || typeof fn !== "function") continue;
    named[name] = (...args: unknown[]) =>
      (fn as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => {
        if (err instanceof CloudError && !err.operation) err.operation = op.operation;
        throw err;
      });
  }
  return named as T;
}

/**
 * Builds both gateways from configuration. The same code serves the emulator and a real
 * account: only endpoints and credentials differ. ROLESCOPE_CREDENTIALS=chain works against the
 * emulator too, whose /credentials/<RoleName> answers as EAS's credentials URI does.
 */
export function createCloud(env: Env, opts: CreateCloudOptions = {}): Cloud {
  const credential = (opts.credentials ?? createConsoleCredentials(env)).credential;
  const timeouts = { readTimeoutMs: env.ROLESCOPE_CLOUD_TIMEOUT_MS, connectTimeoutMs: env.ROLESCOPE_CLOUD_TIMEOUT_MS };
  const emulator = env.ROLESCOPE_CLOUD === "emulator";
  const protocol = emulator ? "HTTP" : "HTTPS";
  const ram = withOperationNames(createRamGateway({ endpoint: emulator ? env.EMULATOR_ENDPOINT : env.ALIBABA_CLOUD_RAM_ENDPOINT, protocol, credential, ...timeouts }), "ram");
  const eas = withOperationNames(createEasGateway({
    regions: env.ROLESCOPE_REGIONS,
    endpointFor: (region) => (emulator ? emulatorEasEndpoint(env, region) : `pai-eas.${region}.aliyuncs.com`),
    protocol,
    credential,
    ...timeouts,
  }), "eas");
  // ActionTrail keeps an account's events in each region's endpoint; the console reads its first region's.
  const trailRegion = env.ROLESCOPE_REGIONS[0];
  const actiontrail = withOperationNames(createActionTrailGateway({
    endpoint: emulator ? env.EMULATOR_ENDPOINT : `actiontrail.${trailRegion}.aliyuncs.com`,
    region: trailRegion,
    protocol,
    credential,
    ...timeouts,
  }), "actiontrail");
  const ramAudit = withOperationNames(createRamAuditGateway({ endpoint: emulator ? env.EMULATOR_ENDPOINT : env.ALIBABA_CLOUD_RAM_ENDPOINT, protocol, credential, ...timeouts }), "ramAudit");
  return {
    actiontrail,
    ramAudit,
    ram: env.ROLESCOPE_READ_ONLY ? withoutWrites(ram, "ram") : ram,
    eas: env.ROLESCOPE_READ_ONLY ? withoutWrites(eas, "eas") : eas,
    describe: () => describeCloud(env),
  };
}
