import type { Env } from "../env";

export interface CloudDescription {
  mode: "emulator" | "aliyun";
  endpoint: string;
  regions: string[];
}

/** Where the console's cloud calls go, from configuration alone. Holds no secret. */
export function describeCloud(env: Env): CloudDescription {
  return {
    mode: env.ROLESCOPE_CLOUD,
    endpoint: env.ROLESCOPE_CLOUD === "emulator" ? env.EMULATOR_ENDPOINT : env.ALIBABA_CLOUD_RAM_ENDPOINT,
    regions: env.ROLESCOPE_REGIONS,
  };
}
