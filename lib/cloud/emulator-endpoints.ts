// The emulator serves RAM, STS and its control API on one base port, and each EAS region on
// its own port after it (base + 1 + index), since an unmodified EAS client names no region
// in CreateService or ListServices: like the real regional endpoints, the endpoint is the region.

export const DEFAULT_EMULATOR_PORT = 4610;
export const DEFAULT_REGIONS = ["cn-hangzhou", "ap-southeast-1"] as const;

export function easPortFor(basePort: number, regions: readonly string[], region: string): number {
  const i = regions.indexOf(region);
  if (i < 0) throw new Error(`region ${region} is not served by the emulator (regions: ${regions.join(", ")})`);
  return basePort + 1 + i;
}
