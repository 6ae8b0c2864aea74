import { MAX_ELEMENT_CHARS } from "../policy/limits";
import type { EvaluationRequest, Principal, RequestContext } from "../policy/types";

// The simulator's inputs and the request they make. Zod-free, as it runs in the browser; the
// URL is read by ./simulation-query, and the form names each field that is wrong.

export interface SimulationInput {
  action?: string;
  resource?: string;
  ip?: string;
  time?: string;
  secure?: "true" | "false";
  mfa?: "true" | "false";
  ctx?: string;
}

const SIMULATION_FIELDS = ["action", "resource", "ip", "time", "secure", "mfa", "ctx"] as const;
export type SimulationField = (typeof SIMULATION_FIELDS)[number];

/** Message keys (policy catalog, `simulator.errors.*`) for each rule a field can break. */
type SimulationRule = "required" | "tooLong" | "actionFormat" | "resourceFormat" | "ipFormat" | "timeFormat" | "ctxFormat";

export interface SimulationError {
  field: SimulationField;
  rule: SimulationRule;
  /** For `ctxFormat`: the 1-based line that is wrong. */
  line?: number;
  /** For `tooLong`: the most characters the field takes. */
  max?: number;
}

const ACTION = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
const RESOURCE = /^(\*|acs:[^\s]+)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:]+$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const CONTEXT_KEY = /^[A-Za-z0-9-]+:[A-Za-z0-9/_.-]+$/;

export function parseContextLines(text: string): { entries: [string, string][]; badLine?: number } {
  const entries: [string, string][] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const eq = line.indexOf("=");
    const key = eq < 0 ? "" : line.slice(0, eq).trim();
    if (!CONTEXT_KEY.test(key)) return { entries, badLine: i + 1 };
    entries.push([key, line.slice(eq + 1).trim()]);
  }
  return { entries };
}

/**
 * The request the role's policies are evaluated against, or the fields that are wrong.
 * The principal is the role itself: a role session asks with the role's permissions.
 */
export function buildSimulation(
  input: SimulationInput,
  principal: Principal,
): { ok: true; request: EvaluationRequest } | { ok: false; errors: SimulationError[] } {
  const errors: SimulationError[] = [];
  const action = input.action?.trim() ?? "";
  const resource = input.resource?.trim() ?? "";
  if (!action) errors.push({ field: "action", rule: "required" });
  else if (action.length > MAX_ELEMENT_CHARS) errors.push({ field: "action", rule: "tooLong", max: MAX_ELEMENT_CHARS });
  else if (!ACTION.test(action)) errors.push({ field: "action", rule: "actionFormat" });
  if (!resource) errors.push({ field: "resource", rule: "required" });
  else if (resource.length > MAX_ELEMENT_CHARS) errors.push({ field: "resource", rule: "tooLong", max: MAX_ELEMENT_CHARS });
  else if (!RESOURCE.test(resource)) errors.push({ field: "resource", rule: "resourceFormat" });
  const ip = input.ip?.trim();
  if (ip && !IPV4.test(ip) && !(ip.includes(":") && IPV6.test(ip))) errors.push({ field: "ip", rule: "ipFormat" });
  const time = input.time?.trim();
  if (time && (!ISO_UTC.test(time) || Number.isNaN(Date.parse(time)))) errors.push({ field: "time", rule: "timeFormat" });
  const custom = parseContextLines(input.ctx ?? "");
  if (custom.badLine !== undefined) errors.push({ field: "ctx", rule: "ctxFormat", line: custom.badLine });
  if (errors.length > 0) return { ok: false, errors };

  const context: RequestContext = {};
  for (const [key, value] of custom.entries) context[key] = value;
  if (ip) context["acs:SourceIp"] = ip;
  if (time) context["acs:CurrentTime"] = time;
  if (input.secure) context["acs:SecureTransport"] = input.secure === "true";
  if (input.mfa) context["acs:MFAPresent"] = input.mfa === "true";
  return { ok: true, request: { principal, action, resource, context } };
}

/** The query string for a simulation: only the fields that are set, in a fixed order. */
export function simulationSearch(input: SimulationInput): string {
  const params = new URLSearchParams();
  for (const k of SIMULATION_FIELDS) {
    const v = input[k]?.trim();
    if (v) params.set(k, v);
  }
  return params.toString();
}
