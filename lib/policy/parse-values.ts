import { indexPath, keyPath } from "./json-path";
import { operatorSpec } from "./operators";
import type { ConditionBlock, JsonPath, PolicyError, PrincipalBlock } from "./types";
import { parseCidr, parseDate, parseNumber } from "./values";

export type Errors = PolicyError[];

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function err(errors: Errors, path: JsonPath, code: string, message: string): void {
  errors.push({ path, code, message });
}

/** A string or a non-empty array of non-empty strings; a single string means a one-element array. */
export function readStringList(value: unknown, path: JsonPath, code: string, label: string, errors: Errors): string[] | undefined {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) {
    err(errors, path, `${code}.Invalid`, `${label} must be a string or an array of strings`);
    return undefined;
  }
  if (list.length === 0) {
    err(errors, path, `${code}.Empty`, `${label} must not be an empty array`);
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const at = typeof value === "string" ? path : indexPath(path, i);
    if (typeof item !== "string" || item === "") {
      err(errors, at, `${code}.Invalid`, `${label} values must be non-empty strings`);
      ok = false;
    } else out.push(item);
  });
  return ok ? out : undefined;
}

const PRINCIPAL_TYPES = ["RAM", "Service", "Federated"] as const;

export function readPrincipal(value: unknown, path: JsonPath, errors: Errors): PrincipalBlock | undefined {
  if (!isRecord(value)) {
    err(errors, path, "Statement.Principal.Invalid", "Principal must be an object with RAM, Service or Federated");
    return undefined;
  }
  const out: PrincipalBlock = {};
  let ok = true;
  for (const key of Object.keys(value)) {
    const type = PRINCIPAL_TYPES.find((t) => t === key);
    if (!type) {
      err(errors, keyPath(path, key), "Statement.Principal.UnknownType", `unknown principal type "${key}": use RAM, Service or Federated`);
      ok = false;
      continue;
    }
    const list = readStringList(value[key], keyPath(path, key), "Statement.Principal", `Principal.${type}`, errors);
    if (list) out[type] = list;
    else ok = false;
  }
  if (ok && Object.keys(out).length === 0) {
    err(errors, path, "Statement.Principal.Empty", "Principal must name at least one RAM, Service or Federated principal");
    return undefined;
  }
  return ok ? out : undefined;
}

const CONDITION_KEY = /^[A-Za-z0-9_.-]+:\S+$/;

function checkValue(op: string, value: string): string | undefined {
  const family = operatorSpec(op)?.family;
  if (family === "Date" && Number.isNaN(parseDate(value))) return `${op} needs ISO 8601 dates (e.g. 2026-01-31T00:00:00Z) or epoch seconds`;
  if (family === "Numeric" && !Number.isFinite(parseNumber(value))) return `${op} needs numbers`;
  if (family === "Bool" && value !== "true" && value !== "false") return `${op} needs true or false`;
  if (family === "Ip" && !parseCidr(value)) return `${op} needs IP addresses or CIDR blocks (e.g. 10.0.0.0/8)`;
  return undefined;
}

function readConditionValues(value: unknown, op: string, path: JsonPath, errors: Errors): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    err(errors, path, "Statement.Condition.Empty", "a condition key needs at least one value");
    return undefined;
  }
  const out: string[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const at = Array.isArray(value) ? indexPath(path, i) : path;
    const isScalar = typeof item === "string" || typeof item === "boolean" || (typeof item === "number" && Number.isFinite(item));
    if (!isScalar) {
      err(errors, at, "Statement.Condition.Value", "condition values must be strings, numbers or booleans");
      ok = false;
      return;
    }
    const text = String(item);
    const problem = checkValue(op, text);
    if (problem) {
      err(errors, at, "Statement.Condition.Value", problem);
      ok = false;
    } else out.push(text);
  });
  return ok ? out : undefined;
}

export function readCondition(value: unknown, path: JsonPath, errors: Errors): ConditionBlock | undefined {
  if (!isRecord(value)) {
    err(errors, path, "Statement.Condition.Invalid", "Condition must be an object of operator → { key: values }");
    return undefined;
  }
  const out: ConditionBlock = {};
  let ok = true;
  for (const op of Object.keys(value)) {
    const opPath = keyPath(path, op);
    if (!operatorSpec(op)) {
      err(errors, opPath, "Statement.Condition.UnknownOperator", `unknown condition operator "${op}" (operator names are case-sensitive)`);
      ok = false;
      continue;
    }
    const block = value[op];
    if (!isRecord(block) || Object.keys(block).length === 0) {
      err(errors, opPath, "Statement.Condition.Invalid", `${op} must be a non-empty object of condition key → values`);
      ok = false;
      continue;
    }
    const keys: Record<string, string[]> = {};
    for (const key of Object.keys(block)) {
      const keyAt = keyPath(opPath, key);
      if (!CONDITION_KEY.test(key)) {
        err(errors, keyAt, "Statement.Condition.Key", `condition key "${key}" must look like acs:SourceIp or <service>:<name>`);
        ok = false;
        continue;
      }
      const values = readConditionValues(block[key], op, keyAt, errors);
      if (values) keys[key] = values;
      else ok = false;
    }
    out[op] = keys;
  }
  return ok ? out : undefined;
}
