import type { Network } from "./endpoints";
import { defaultCodePath } from "./libraries";
import type { Access, Mount, Needs, OssAccess } from "./needs";

// The whole setup lives in the URL, so a half-done setup can be shared as a link and resumed.
// Reading is lenient (an unknown value falls back to its default); the steps validate.

const STEPS = ["needs", "method", "method1", "role", "preview", "outputs", "deploy"] as const;
export type Step = (typeof STEPS)[number];

export interface SetupState {
  step: Step;
  needs: Needs;
  method?: 1 | 2;
  workspaceId: string;
  network: Network;
  serviceName: string;
  /** "" until the user names one: then defaultCodePath of the needs (see codePathOf). */
  codePath: string;
  roleSource?: "existing" | "new";
  roleName: string;
  policyMode: "system" | "custom";
  description: string;
  /**
   * The RAM user who will deploy the service; "" for the account itself; undefined until chosen,
   * when the signed-in user's linked RAM user deploys (see deployerOf).
   */
  deployer?: string;
}

export const DEFAULT_STATE: SetupState = {
  step: "needs",
  needs: { region: "", oss: [], mounts: [], image: "", other: [] },
  workspaceId: "",
  network: "internal",
  serviceName: "",
  codePath: "",
  roleName: "",
  policyMode: "system",
  description: "",
};

const access = (v: string | undefined): Access => (v === "write" ? "write" : "read");

function readOss(v: string): OssAccess {
  const m = /^(.*?)(?::(read|write))?$/.exec(v)!;
  const slash = m[1].indexOf("/");
  return slash < 0 ? { bucket: m[1], prefix: "", access: access(m[2]) } : { bucket: m[1].slice(0, slash), prefix: m[1].slice(slash + 1), access: access(m[2]) };
}

function readMount(v: string): Mount | undefined {
  const [kind, a = "", b = "", c = ""] = v.split("|");
  if (kind === "oss") return { kind, path: a, mountPath: b, readOnly: c !== "rw" };
  if (kind === "nas") return { kind, server: a, path: b, mountPath: c };
  return undefined;
}

function writeMount(m: Mount): string {
  return m.kind === "oss" ? ["oss", m.path, m.mountPath, m.readOnly ? "ro" : "rw"].join("|") : ["nas", m.server, m.path, m.mountPath].join("|");
}

export function readState(params: URLSearchParams): SetupState {
  const get = (k: string) => params.get(k) ?? "";
  const step = get("step");
  const mc = params.get("mc");
  const method = get("method");
  const source = get("source");
  return {
    step: (STEPS as readonly string[]).includes(step) ? (step as Step) : "needs",
    needs: {
      region: get("region"),
      oss: params.getAll("oss").map(readOss),
      ...(mc !== null ? { maxcompute: { project: mc.replace(/:(read|write)$/, ""), access: access(/:(read|write)$/.exec(mc)?.[1]) } } : {}),
      mounts: params.getAll("mount").map(readMount).filter((m): m is Mount => m !== undefined),
      image: get("image"),
      other: params.getAll("other"),
    },
    ...(method === "1" || method === "2" ? { method: Number(method) as 1 | 2 } : {}),
    workspaceId: get("ws"),
    network: get("net") === "public" ? "public" : "internal",
    serviceName: get("name"),
    codePath: get("code"),
    ...(source === "existing" || source === "new" ? { roleSource: source } : {}),
    roleName: get("role"),
    policyMode: get("policies") === "custom" ? "custom" : "system",
    description: get("desc"),
    ...(params.has("deployer") ? { deployer: get("deployer") } : {}),
  };
}

export function writeState(s: SetupState): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | undefined, dflt = "") => v !== undefined && v !== dflt && p.set(k, v);
  set("step", s.step, "needs");
  set("region", s.needs.region);
  for (const o of s.needs.oss) p.append("oss", `${o.bucket}${o.prefix ? `/${o.prefix}` : ""}:${o.access}`);
  if (s.needs.maxcompute) p.set("mc", `${s.needs.maxcompute.project}:${s.needs.maxcompute.access}`);
  for (const m of s.needs.mounts) p.append("mount", writeMount(m));
  set("image", s.needs.image);
  for (const o of s.needs.other) p.append("other", o);
  set("method", s.method ? String(s.method) : undefined);
  set("ws", s.workspaceId);
  set("net", s.network, "internal");
  set("name", s.serviceName);
  set("code", s.codePath);
  set("source", s.roleSource);
  set("role", s.roleName);
  set("policies", s.policyMode, "system");
  set("desc", s.description);
  // Kept even when empty: an explicit "the account itself" is not the linked user's default.
  if (s.deployer !== undefined) p.set("deployer", s.deployer);
  return p;
}

/** Who deploys: the choice made, else the signed-in user's linked RAM user, else the account (""). */
export const deployerOf = (s: SetupState, linkedRamUser?: string | null): string => s.deployer ?? linkedRamUser ?? "";

/** The script's path: the one typed, else where the needs' first mount (or the image) holds it. */
export const codePathOf = (s: SetupState): string => s.codePath || defaultCodePath(s.needs);
