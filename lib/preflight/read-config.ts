import { parseServiceConfig, type ServiceConfig } from "../service-config";
import { rule, type FieldRule } from "../errors/render";

// Reads the config a preflight is given (an object, or JSON text) without throwing: what the
// document is, and every place it names a role ARN, before the schema looks at it.

export interface RoleRef {
  /** Where in the config: `role_arn`, `role_arn[1]`, `credential.role_arn`. */
  path: string;
  value: unknown;
}

export type ConfigRead =
  | { kind: "not-json"; error: string }
  | { kind: "not-object"; type: string }
  | { kind: "invalid"; path: string; field: string; rule: FieldRule }
  | { kind: "ok"; raw: Record<string, unknown>; config: ServiceConfig; roleRefs: RoleRef[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return "null";
  return Array.isArray(v) ? "array" : typeof v;
}

function refsAt(path: string, value: unknown): RoleRef[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((v, i) => ({ path: `${path}[${i}]`, value: v }));
  return [{ path, value }];
}

/** Without its role keys: they are read here, so a list or a number there is a finding, not a schema error. */
function withoutRoleKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...raw };
  delete copy.role_arn;
  if (isObject(raw.credential)) {
    const credential = { ...raw.credential };
    delete credential.role_arn;
    copy.credential = credential;
  }
  return copy;
}

export function readConfig(input: unknown): ConfigRead {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { kind: "not-json", error: (e as Error).message };
    }
  }
  if (!isObject(value)) return { kind: "not-object", type: typeName(value) };
  const parsed = parseServiceConfig(JSON.stringify(withoutRoleKeys(value)));
  if (!parsed.ok) {
    // JSON and an object were checked above: what is left is a field and the rule it breaks.
    const problem = parsed.problem.kind === "field" ? parsed.problem : { field: "document", rule: rule("custom") };
    return { kind: "invalid", path: parsed.path ?? "", field: problem.field, rule: problem.rule };
  }
  const credential = isObject(value.credential) ? value.credential : undefined;
  return { kind: "ok", raw: value, config: parsed.config, roleRefs: [...refsAt("role_arn", value.role_arn), ...refsAt("credential.role_arn", credential?.role_arn)] };
}
