// The emulated registry side of an image pull: which hosts resolve from a service's VPC, and
// which repositories the registry holds. These are the emulator's rules, stated once here:
//
// 1. An EAS VPC has no public DNS or internet access by default, so only Alibaba Cloud registry
//    addresses resolve: `registry[-intl][-vpc].<region>.aliyuncs.com` and
//    `<instance>-registry[-vpc].<region>.cr.aliyuncs.com` (PAI's `eas-registry-vpc.…` included).
//    A `-vpc` address resolves only from its own region. Anything else (Docker Hub, ghcr.io, a
//    company registry) fails with `dial tcp: lookup <host>: no such host`.
// 2. The registry holds every Container Registry repository except those the control API has
//    marked missing (`PUT /_emulator/registry/missing`); pulling one fails with `not found`.

const ALIBABA_REGISTRY = /^(?:[a-z0-9-]+-)?registry(?:-intl)?(-vpc)?\.([a-z0-9-]+)\.(?:cr\.)?aliyuncs\.com$/;

export interface ImageRef {
  /** The host the pull looks up, e.g. `registry-1.docker.io` for `python:3.10`. */
  host: string;
  /** The fully qualified reference the runtime resolves, e.g. `docker.io/library/python:3.10`. */
  reference: string;
  /** Repository path without host and tag, e.g. `ml-team/asr` or `library/python`. */
  repository: string;
  tag: string;
}

/** Docker's reference rules: the first component is a host only if it holds `.` or `:` or is `localhost`. */
export function parseImageRef(image: string): ImageRef {
  const ref = image.trim().toLowerCase().replace(/@.*$/, "");
  const first = ref.split("/")[0];
  const hasHost = ref.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const rest = hasHost ? ref.slice(first.length + 1) : ref;
  const colon = rest.lastIndexOf(":");
  const name = colon > rest.lastIndexOf("/") ? rest.slice(0, colon) : rest;
  const tag = colon > rest.lastIndexOf("/") ? rest.slice(colon + 1) : "latest";
  if (hasHost) return { host: first, reference: `${first}/${name}:${tag}`, repository: name, tag };
  const repository = name.includes("/") ? name : `library/${name}`;
  return { host: "registry-1.docker.io", reference: `docker.io/${repository}:${tag}`, repository, tag };
}

/** Rule 1. */
export function resolvesFromVpc(host: string, serviceRegion: string): boolean {
  const m = ALIBABA_REGISTRY.exec(host.split(":")[0]);
  if (!m) return false;
  const vpcOnly = m[1] !== undefined;
  return !vpcOnly || m[2] === serviceRegion;
}

/** The region of an Alibaba Cloud registry host, for rule 2. */
export function registryRegion(host: string): string | undefined {
  return ALIBABA_REGISTRY.exec(host.split(":")[0])?.[2];
}

/** A Container Registry repository, and whether it is one of PAI's public images (`eas-registry…/pai-eas/…`). */
export function acrRepository(ref: ImageRef): { region: string; repository: string; paiPublic: boolean } | undefined {
  const m = ALIBABA_REGISTRY.exec(ref.host.split(":")[0]);
  if (!m || !ref.repository.includes("/")) return undefined;
  const paiPublic = /^eas-registry(?:-vpc)?\./.test(ref.host) && ref.repository.startsWith("pai-eas/");
  return { region: m[2], repository: ref.repository, paiPublic };
}
