// Which container images come from Alibaba Container Registry (and so are pulled with the
// service's role), and which are PAI's public images that need nothing.

export interface RegistryImage {
  host: string;
  region: string;
  namespace: string;
  repository: string;
  /** PAI's own public images (`eas-registry(-vpc).<region>.cr.aliyuncs.com/pai-eas/...`). */
  paiPublic: boolean;
}

// `registry.cn-hangzhou.aliyuncs.com`, `registry-vpc.…`, `<instance>-registry(-vpc).<region>.cr.aliyuncs.com`.
const ACR_HOST = /^(?:[a-z0-9-]+-)?registry(?:-intl)?(?:-vpc)?\.([a-z0-9-]+)\.(?:cr\.)?aliyuncs\.com$/;
const PAI_HOST = /^eas-registry(?:-vpc)?\.[a-z0-9-]+\.cr\.aliyuncs\.com$/;

export function parseRegistryImage(image: string): RegistryImage | undefined {
  const ref = image.trim().toLowerCase();
  const slash = ref.indexOf("/");
  if (slash < 0) return undefined;
  const host = ref.slice(0, slash);
  const m = ACR_HOST.exec(host);
  if (!m) return undefined;
  const path = ref.slice(slash + 1).replace(/@.*$/, "").replace(/:[^/]*$/, "");
  const parts = path.split("/").filter(Boolean);
  if (parts.length < 2) return undefined;
  const namespace = parts[0];
  const repository = parts.slice(1).join("/");
  return { host, region: m[1], namespace, repository, paiPublic: PAI_HOST.test(host) && namespace === "pai-eas" };
}
