// The endpoints code inside an EAS instance uses. EAS instances reach the internet only from a
// VPC that has public access, so internal (VPC) endpoints are the default.

export type Network = "internal" | "public";

export function ossEndpoint(region: string, network: Network): string {
  return network === "internal" ? `https://oss-${region}-internal.aliyuncs.com` : `https://oss-${region}.aliyuncs.com`;
}

export function maxcomputeEndpoint(region: string, network: Network): string {
  return network === "internal" ? `https://service.${region}-vpc.maxcompute.aliyun-inc.com/api` : `https://service.${region}.maxcompute.aliyun.com/api`;
}
