import { indexPath, keyPath } from "./json-path";
import { err, isRecord, readCondition, readPrincipal, readStringList, type Errors } from "./parse-values";
import type { JsonPath, PolicyKind, Statement } from "./types";

const STATEMENT_ELEMENTS = ["Sid", "Effect", "Principal", "Action", "NotAction", "Resource", "NotResource", "Condition"];
const ACTION = /^(?:\*|[A-Za-z0-9_*?-]+:[A-Za-z0-9_*?.-]+)$/;
const RESOURCE = /^(?:\*|acs:[A-Za-z0-9_*?-]+:[^:]*:[^:]*:.+)$/;

export function unknownElement(errors: Errors, path: JsonPath, key: string, known: readonly string[], code: string): void {
  const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
  const hint = near ? ` (element names are case-sensitive: did you mean "${near}"?)` : ` (allowed: ${known.join(", ")})`;
  err(errors, keyPath(path, key), code, `unknown element "${key}"${hint}`);
}

function readPatterns(
  raw: Record<string, unknown>,
  name: "Action" | "NotAction" | "Resource" | "NotResource",
  at: JsonPath,
  errors: Errors,
): string[] | undefined {
  const path = keyPath(at, name);
  const family = name.endsWith("Action") ? "Action" : "Resource";
  const list = readStringList(raw[name], path, `Statement.${family}`, name, errors);
  if (!list) return undefined;
  const format = family === "Action" ? ACTION : RESOURCE;
  const rule =
    family === "Action"
      ? `${name} values look like <service-code>:<ActionName> (e.g. oss:GetObject) or *`
      : `${name} values are ARNs acs:<service>:<region>:<account>:<resource> or *`;
  let ok = true;
  list.forEach((value, i) => {
    if (!format.test(value)) {
      err(errors, typeof raw[name] === "string" ? path : indexPath(path, i), `Statement.${family}.Format`, rule);
      ok = false;
    }
  });
  return ok ? list : undefined;
}

function exactlyOne(raw: Record<string, unknown>, a: string, b: string): "a" | "b" | "none" | "both" {
  const hasA = raw[a] !== undefined;
  const hasB = raw[b] !== undefined;
  if (hasA && hasB) return "both";
  return hasA ? "a" : hasB ? "b" : "none";
}

/** Validates one statement; returns it normalised, or null when any part of it is invalid. */
export function readStatement(raw: unknown, at: JsonPath, kind: PolicyKind, errors: Errors): Statement | null {
  if (!isRecord(raw)) {
    err(errors, at, "Statement.NotObject", "each statement must be an object");
    return null;
  }
  const before = errors.length;
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_ELEMENTS.includes(key)) unknownElement(errors, at, key, STATEMENT_ELEMENTS, "Statement.UnknownElement");
  }
  const effect = raw.Effect;
  if (effect === undefined) err(errors, keyPath(at, "Effect"), "Statement.Effect.Missing", "a statement needs an Effect (Allow or Deny)");
  else if (effect !== "Allow" && effect !== "Deny") err(errors, keyPath(at, "Effect"), "Statement.Effect.Invalid", "Effect must be Allow or Deny");

  const s: Partial<Statement> = {};
  if (raw.Sid !== undefined) {
    if (typeof raw.Sid === "string") s.Sid = raw.Sid;
    else err(errors, keyPath(at, "Sid"), "Statement.Sid.Invalid", "Sid must be a string");
  }
  if (effect === "Allow" || effect === "Deny") s.Effect = effect;

  if (raw.Principal !== undefined) {
    if (kind === "permission") {
      err(errors, keyPath(at, "Principal"), "Statement.Principal.NotAllowed", "Principal is allowed only in trust policies");
    } else {
      s.Principal = readPrincipal(raw.Principal, keyPath(at, "Principal"), errors);
    }
  } else if (kind === "trust") {
    err(errors, keyPath(at, "Principal"), "Statement.Principal.Missing", "a trust policy statement needs a Principal");
  }

  const action = exactlyOne(raw, "Action", "NotAction");
  if (action === "both" || action === "none") {
    err(errors, at, "Statement.Action.Conflict", "a statement has exactly one of Action and NotAction");
  } else if (action === "a") s.Action = readPatterns(raw, "Action", at, errors);
  else s.NotAction = readPatterns(raw, "NotAction", at, errors);

  const resource = exactlyOne(raw, "Resource", "NotResource");
  if (resource === "both" || (resource === "none" && kind === "permission")) {
    const rule = kind === "trust" ? "a statement has at most one of Resource and NotResource" : "a statement has exactly one of Resource and NotResource";
    err(errors, at, "Statement.Resource.Conflict", rule);
  } else if (resource === "a") s.Resource = readPatterns(raw, "Resource", at, errors);
  else if (resource === "b") s.NotResource = readPatterns(raw, "NotResource", at, errors);

  if (raw.Condition !== undefined) s.Condition = readCondition(raw.Condition, keyPath(at, "Condition"), errors);

  return errors.length === before ? canonicalStatement(s as Statement) : null;
}

/** The canonical element order, which `serializePolicy` also follows. */
export function canonicalStatement(s: Statement): Statement {
  const out: Statement = {} as Statement;
  if (s.Sid !== undefined) out.Sid = s.Sid;
  out.Effect = s.Effect;
  if (s.Principal) {
    const p: NonNullable<Statement["Principal"]> = {};
    if (s.Principal.RAM) p.RAM = s.Principal.RAM;
    if (s.Principal.Service) p.Service = s.Principal.Service;
    if (s.Principal.Federated) p.Federated = s.Principal.Federated;
    out.Principal = p;
  }
  if (s.Action) out.Action = s.Action;
  if (s.NotAction) out.NotAction = s.NotAction;
  if (s.Resource) out.Resource = s.Resource;
  if (s.NotResource) out.NotResource = s.NotResource;
  if (s.Condition) out.Condition = s.Condition;
  return out;
}
