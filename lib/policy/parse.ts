import { z } from "zod";
import { indexPath } from "./json-path";
import { maxPolicyChars, POLICY_VERSION } from "./limits";
import { readStatement, unknownElement } from "./parse-statement";
import { err, isRecord, type Errors } from "./parse-values";
import type { ParseResult, PolicyError, PolicyKind, Statement } from "./types";

const parseOptionsSchema = z.object({ kind: z.enum(["permission", "trust"]).optional() }).optional();
export type ParseOptions = z.infer<typeof parseOptionsSchema>;

/** Past this size a string is not even parsed: it is far beyond any limit. */
const MAX_PARSED_CHARS = 1_000_000;
const DOCUMENT_ELEMENTS = ["Version", "Statement"];

/** Statements keep their source index; an invalid one is null. Used by lint to keep going past errors. */
export interface LenientParse {
  kind: PolicyKind;
  version: unknown;
  statements: (Statement | null)[];
  errors: PolicyError[];
  /** True when the document has a Statement element at all. */
  hasStatement: boolean;
  /** False when Statement is a single object, so paths read `Statement.Effect`. */
  hasStatementArray: boolean;
}

function measure(input: unknown): { text?: string; value?: unknown; size: number; errors: Errors } {
  const errors: Errors = [];
  if (typeof input === "string") {
    if (input.length > MAX_PARSED_CHARS) return { size: input.length, errors };
    try {
      return { value: JSON.parse(input) as unknown, size: input.length, errors };
    } catch (e) {
      err(errors, "", "Document.Syntax", `the document is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return { size: input.length, errors };
    }
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch {
    err(errors, "", "Document.Invalid", "the document cannot be written as JSON");
  }
  return { value: input, size: text?.length ?? 0, errors };
}

export function parseLenient(input: unknown, kind: PolicyKind): LenientParse {
  const result: LenientParse = { kind, version: undefined, statements: [], errors: [], hasStatement: false, hasStatementArray: false };
  try {
    const { value, size, errors } = measure(input);
    result.errors = errors;
    const limit = maxPolicyChars(kind);
    if (size > limit) {
      err(errors, "", "Document.TooLong", `a ${kind} policy document has at most ${limit} characters (this one has ${size})`);
    }
    if (value === undefined && typeof input === "string") return result;
    if (!isRecord(value)) {
      err(errors, "", "Document.NotObject", "a policy document must be a JSON object with Version and Statement");
      return result;
    }
    for (const key of Object.keys(value)) {
      if (!DOCUMENT_ELEMENTS.includes(key)) unknownElement(errors, "", key, DOCUMENT_ELEMENTS, "Document.UnknownElement");
    }
    result.version = value.Version;
    if (value.Version === undefined) err(errors, "Version", "Version.Missing", `a policy document needs "Version": "1"`);
    else if (value.Version !== POLICY_VERSION) err(errors, "Version", "Version.Invalid", `Version must be the string "1"`);

    const raw = value.Statement;
    result.hasStatement = raw !== undefined;
    result.hasStatementArray = Array.isArray(raw);
    if (raw === undefined) err(errors, "Statement", "Statement.Missing", "a policy document needs a Statement");
    else if (Array.isArray(raw)) result.statements = raw.map((s, i) => readStatement(s, indexPath("Statement", i), kind, errors));
    else if (isRecord(raw)) result.statements = [readStatement(raw, "Statement", kind, errors)];
    else err(errors, "Statement", "Statement.Invalid", "Statement must be an object or an array of objects");
  } catch (e) {
    // Callers may hand in objects whose getters throw or proxies; report, never throw.
    result.errors.push({ path: "", code: "Document.Invalid", message: `the document cannot be read: ${e instanceof Error ? e.message : "unknown error"}` });
  }
  return result;
}

export function parsePolicy(input: unknown, opts?: ParseOptions): ParseResult {
  const options = parseOptionsSchema.safeParse(opts);
  const kind = options.success ? (options.data?.kind ?? "permission") : "permission";
  const lenient = parseLenient(input, kind);
  if (!options.success) lenient.errors.unshift({ path: "", code: "Options.Invalid", message: `kind must be "permission" or "trust"` });
  if (lenient.errors.length > 0) return { ok: false, errors: lenient.errors };
  const statements = lenient.statements.filter((s): s is Statement => s !== null);
  return { ok: true, policy: { Version: POLICY_VERSION, Statement: statements }, errors: [] };
}
