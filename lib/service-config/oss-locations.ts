import type { ServiceConfig } from "./types";

// Every OSS location a service config names outside its storage mounts: the model and processor
// files the platform downloads at deploy, and any other `oss://` address (a script argument, an
// environment value) the service's code will read with the role's credentials.

export interface OssLocation {
  /** Dotted path of the string that names it, e.g. `model_path` or `containers[0].script`. */
  path: string;
  target: string;
  /** The platform fetches it while deploying (model_path, processor_path); else the code reads it. */
  atDeploy: boolean;
  /** The volume the platform mounts it as, for locations it fetches. */
  volume?: string;
}

/** Files the platform itself fetches into the instance, with the volume it mounts each as. */
const DEPLOY_KEYS: Record<string, string> = { model_path: "model", processor_path: "processor" };

// OSS bucket names: 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.
const OSS_ADDRESS = /oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9](?:\/[^\s"'`,;|&<>()]*)?/g;

const join = (base: string, key: string | number) => (typeof key === "number" ? `${base}[${key}]` : base ? `${base}.${key}` : key);

function walk(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, join(path, i), visit));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, join(path, k), visit);
}

export function ossLocations(config: ServiceConfig): OssLocation[] {
  const out: OssLocation[] = [];
  const seen = new Set<string>();
  const add = (loc: OssLocation) => {
    if (seen.has(loc.target)) return;
    seen.add(loc.target);
    out.push(loc);
  };
  // Mount paths are needs of their own (storage[i].oss.path).
  for (const m of config.storage ?? []) if (m.oss?.path) seen.add(m.oss.path.trim());
  for (const [key, volume] of Object.entries(DEPLOY_KEYS)) {
    const v = config[key];
    if (typeof v === "string" && v.trim().startsWith("oss://")) add({ path: key, target: v.trim(), atDeploy: true, volume });
  }
  walk(config, "", (text, path) => {
    if (Object.hasOwn(DEPLOY_KEYS, path) || /^storage\[\d+\]\.oss\.path$/.test(path)) return;
    for (const m of text.matchAll(OSS_ADDRESS)) add({ path, target: m[0], atDeploy: false });
  });
  return out;
}
