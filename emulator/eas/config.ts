// The emulated platform's own reading of a service config. It shares nothing with the console's
// reading (lib/service-config): the emulator is a witness, so where the two read a config
// differently a test sees it instead of both agreeing on the same mistake.

/** One data source the platform mounts (or fetches) into an instance before the container starts. */
export interface PlatformMount {
  kind: "oss" | "nas";
  /** Where in the config, e.g. `storage[0].oss.path`, `model_path`. */
  field: string;
  /** The volume name the mount events use: `oss-0`, `nfs-1`, `model`. */
  volume: string;
  /** `oss://bucket/dir/`, or the NAS server. */
  source: string;
  readOnly: boolean;
}

export interface PlatformConfig {
  /** The document as sent, unknown keys and all. */
  doc: Record<string, unknown>;
  name?: string;
  /** `role_arn`, else `credential.role_arn`: both are where EAS keeps the custom role. */
  roleArn?: string;
  ramRole: boolean;
  workspaceId?: string;
  instances: number;
  cpu: number;
  memory: number;
  gpu: number;
  /** A dedicated resource group (`eas-r-…`), or undefined for the public pool. */
  resource?: string;
  mounts: PlatformMount[];
  /** Every image the platform pulls, in config order. */
  images: string[];
  /** Registry credentials in the config: pulls use them, not the role. */
  registryAuth: boolean;
  /** Any `oss://` address anywhere in the document. */
  namesOss: boolean;
}

export type ConfigRead = { ok: true; config: PlatformConfig } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

class Invalid extends Error {}
const bad = (field: string, rule: string): never => {
  throw new Invalid(`Invalid service config: ${field} ${rule}.`);
};

function optionalString(o: Record<string, unknown>, key: string, at: string): void {
  if (o[key] !== undefined && typeof o[key] !== "string") bad(`${at}${key}`, "must be a string");
}

function count(m: Record<string, unknown>, key: string, whole: boolean): number {
  const v = m[key];
  if (v === undefined) return 0;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (whole && !Number.isInteger(v))) bad(`metadata.${key}`, whole ? "must be a whole number of 0 or more" : "must be a number of 0 or more");
  return v as number;
}

function readMounts(doc: Record<string, unknown>): PlatformMount[] {
  const storage = doc.storage ?? [];
  if (!Array.isArray(storage)) return bad("storage", "must be a list");
  const out: PlatformMount[] = [];
  storage.forEach((s, i) => {
    if (!isObject(s)) bad(`storage[${i}]`, "must be an object");
    const entry = s as Record<string, unknown>;
    if (entry.oss !== undefined) {
      const oss = entry.oss;
      if (!isObject(oss) || !str(oss.path)) return bad(`storage[${i}].oss.path`, "is required");
      out.push({ kind: "oss", field: `storage[${i}].oss.path`, volume: `oss-${i}`, source: String(oss.path).trim(), readOnly: oss.readOnly === true });
    }
    if (entry.nfs !== undefined) {
      const nfs = entry.nfs;
      if (!isObject(nfs) || !str(nfs.server)) return bad(`storage[${i}].nfs.server`, "is required");
      out.push({ kind: "nas", field: `storage[${i}].nfs.server`, volume: `nfs-${i}`, source: String(nfs.server).trim(), readOnly: nfs.readOnly === true });
    }
  });
  // The model and processor files are fetched from OSS into their own volumes before start.
  for (const [key, volume] of [["model_path", "model"], ["processor_path", "processor"]] as const) {
    const v = str(doc[key]);
    if (v?.startsWith("oss://")) out.push({ kind: "oss", field: key, volume, source: v, readOnly: true });
  }
  return out;
}

function readImages(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  const containers = doc.containers;
  if (containers !== undefined) {
    if (!Array.isArray(containers)) return bad("containers", "must be a list");
    containers.forEach((c, i) => {
      if (!isObject(c)) bad(`containers[${i}]`, "must be an object");
      optionalString(c as Record<string, unknown>, "image", `containers[${i}].`);
      const image = str((c as Record<string, unknown>).image);
      if (image) out.push(image);
    });
  }
  const image = str(doc.image);
  if (image) out.push(image);
  // A processor is pulled only when it names an image (a host and a path), not a built-in processor.
  const processor = str(doc.processor);
  if (processor && /^[a-z0-9.-]+\.[a-z]+(?::\d+)?\/.+/i.test(processor)) out.push(processor);
  return out;
}

function mentionsOss(v: unknown): boolean {
  if (typeof v === "string") return v.includes("oss://");
  if (Array.isArray(v)) return v.some(mentionsOss);
  if (isObject(v)) return Object.values(v).some(mentionsOss);
  return false;
}

/** Reads a service config as the platform does when it renders one; never throws. */
export function readPlatformConfig(json: string): ConfigRead {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `Invalid service config: it is not valid JSON: ${(e as Error).message}` };
  }
  if (!isObject(doc)) return { ok: false, error: "Invalid service config: it must be a JSON object." };
  try {
    optionalString(doc, "name", "");
    const credential = doc.credential;
    if (credential !== undefined && !isObject(credential)) bad("credential", "must be an object");
    const options = doc.options;
    if (options !== undefined && !isObject(options)) bad("options", "must be an object");
    const metadata = doc.metadata ?? {};
    if (!isObject(metadata)) return bad("metadata", "must be an object");
    const ws = metadata.workspace_id;
    if (ws !== undefined && typeof ws !== "string" && typeof ws !== "number") bad("metadata.workspace_id", "must be a string");
    optionalString(metadata, "resource", "metadata.");
    const instances = metadata.instance === undefined ? 1 : count(metadata, "instance", true);
    const cred = (credential ?? {}) as Record<string, unknown>;
    const roleArn = str(doc.role_arn) ?? str(cred.role_arn);
    return {
      ok: true,
      config: {
        doc,
        name: str(doc.name),
        ...(roleArn ? { roleArn } : {}),
        ramRole: isObject(options) && options.enable_ram_role === true,
        ...(ws !== undefined && String(ws) !== "" ? { workspaceId: String(ws) } : {}),
        instances,
        cpu: count(metadata, "cpu", false),
        memory: count(metadata, "memory", false),
        gpu: count(metadata, "gpu", false),
        ...(str(metadata.resource) ? { resource: str(metadata.resource) } : {}),
        mounts: readMounts(doc),
        images: readImages(doc),
        registryAuth: Boolean(str(doc.dockerAuth) ?? str(cred.docker_auth)),
        namesOss: mentionsOss(doc),
      },
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}
