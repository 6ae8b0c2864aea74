import { EAS_SERVICE_PRINCIPAL } from "./builders";
import { parseRamPrincipal } from "./arn";
import { actionsCover, statementCovers } from "./cover";
import { indexPath, keyPath } from "./json-path";
import { LINT_RULES, type LintCode } from "./lint-rules";
import { parseLenient } from "./parse";
import { isRecord } from "./parse-values";
import { lintOptionsSchema } from "./schemas";
import type { JsonPath, LintFinding, LintOptions, LintValues, PolicyKind, Statement } from "./types";
import { parseDate } from "./values";
import { actionMatches, globCovers } from "./wildcard";

type Add = (code: LintCode, path: JsonPath, values?: LintValues) => void;
type Indexed = { s: Statement; at: JsonPath; i: number };

const ANY_ROLE = "acs:ram::*:role/*";

/** Without an explicit kind, a document whose statements name a Principal is read as a trust policy. */
function inferKind(doc: unknown): PolicyKind {
  let value = doc;
  if (typeof doc === "string") {
    try {
      value = JSON.parse(doc);
    } catch {
      return "permission";
    }
  }
  if (!isRecord(value)) return "permission";
  const raw = value.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.some((s) => isRecord(s) && s.Principal !== undefined) ? "trust" : "permission";
}

function lintActions({ s, at }: Indexed, kind: PolicyKind, add: Add): void {
  if (s.Effect !== "Allow") return;
  if (s.NotAction) add("ALLOW_WITH_NOT_ACTION", keyPath(at, "NotAction"));
  if (s.NotResource) add("ALLOW_WITH_NOT_RESOURCE", keyPath(at, "NotResource"));
  (s.Action ?? []).forEach((a, k) => {
    if (a === "*") add("ACTION_STAR", indexPath(keyPath(at, "Action"), k));
    else if (/^[^:*?]+:\*$/.test(a)) add("SERVICE_WILDCARD", indexPath(keyPath(at, "Action"), k), { action: a, service: a.slice(0, -2) });
  });
  const grants = (action: string) =>
    s.NotAction ? !s.NotAction.some((a) => actionMatches(a, action)) : (s.Action ?? []).some((a) => actionMatches(a, action));
  const anyRole = (s.Resource ?? []).findIndex((r) => globCovers(r, ANY_ROLE, false));
  if (anyRole < 0) return;
  const resourceAt = indexPath(keyPath(at, "Resource"), anyRole);
  if (grants("ram:PassRole")) add("PASSROLE_ANY_RESOURCE", resourceAt);
  if (kind === "permission" && grants("sts:AssumeRole")) add("ASSUMEROLE_ANY_RESOURCE", resourceAt);
}

function lintExpiry({ s, at }: Indexed, now: number, add: Add): void {
  for (const op of ["DateLessThan", "DateLessThanEquals"]) {
    const values = s.Condition?.[op]?.["acs:CurrentTime"];
    if (!values || values.length === 0) continue;
    const latest = Math.max(...values.map(parseDate));
    if (latest < now) {
      add("EXPIRED_CONDITION", keyPath(keyPath(keyPath(at, "Condition"), op), "acs:CurrentTime"), { operator: op, values: values.join(", ") });
    }
  }
}

function lintPairs(list: Indexed[], add: Add): void {
  for (const b of list) {
    for (const a of list) {
      if (a === b) continue;
      const aCoversB = statementCovers(a.s, b.s);
      if (a.s.Effect === b.s.Effect && aCoversB) {
        // Of two identical statements, flag only the later one.
        if (statementCovers(b.s, a.s) && a.i > b.i) continue;
        add("REDUNDANT_STATEMENT", b.at, { index: b.i, by: a.i });
        break;
      }
    }
    if (b.s.Effect !== "Allow") continue;
    const deny = list.find((a) => a.s.Effect === "Deny" && statementCovers(a.s, b.s));
    if (deny) add("SHADOWED_BY_DENY", b.at, { index: b.i, by: deny.i });
  }
}

function lintTrust(list: Indexed[], usedByEas: boolean, add: Add): void {
  for (const { s, at } of list) {
    if (s.Effect !== "Allow") continue;
    (s.Principal?.RAM ?? []).forEach((v, k) => {
      if (v === "*" || parseRamPrincipal(v)?.kind === "root") add("TRUST_ACCOUNT_ROOT", indexPath(keyPath(keyPath(at, "Principal"), "RAM"), k));
    });
  }
  const assume: Statement = { Effect: "Allow", Action: ["sts:AssumeRole"] };
  const trustsEas = list.some(
    ({ s }) => s.Effect === "Allow" && actionsCover(s, assume) && (s.Principal?.Service ?? []).some((v) => globCovers(v, EAS_SERVICE_PRINCIPAL, true)),
  );
  if (usedByEas && !trustsEas) add("TRUST_MISSING_EAS", "Statement", { principal: EAS_SERVICE_PRINCIPAL });
}

/** Findings for a policy document, worst first. Never throws. */
export function lintPolicy(doc: unknown, opts?: LintOptions): LintFinding[] {
  const options = lintOptionsSchema.safeParse(opts);
  const o = options.success ? (options.data ?? {}) : {};
  const findings: LintFinding[] = [];
  const add: Add = (code, path, values = {}) => findings.push({ code, severity: LINT_RULES[code].severity, path, values });
  try {
    const kind = o.kind ?? inferKind(doc);
    const parsed = parseLenient(doc, kind);
    for (const e of parsed.errors) {
      // The parse error's own code says which rule of the grammar the document breaks.
      if (e.code.startsWith("Version.")) add("VERSION_NOT_1", e.path);
      else if (e.code === "Statement.Condition.UnknownOperator") add("UNKNOWN_CONDITION_OPERATOR", e.path);
      else add("PARSE_ERROR", e.path, { problem: e.code });
    }
    const list: Indexed[] = [];
    parsed.statements.forEach((s, i) => {
      if (s) list.push({ s, i, at: parsed.hasStatementArray ? indexPath("Statement", i) : "Statement" });
    });
    if (parsed.hasStatement && parsed.statements.length === 0 && parsed.errors.every((e) => e.path !== "Statement")) add("EMPTY_STATEMENT", "Statement");
    const now = (o.now ?? new Date()).getTime();
    for (const item of list) {
      lintActions(item, kind, add);
      lintExpiry(item, now, add);
    }
    if (list.length <= 200) lintPairs(list, add);
    if (kind === "trust") lintTrust(list, o.usedByEas === true, add);
  } catch {
    add("PARSE_ERROR", "", { problem: "Document.Invalid" });
  }
  const rank = { error: 0, "security-warning": 1, warning: 2, suggestion: 3 } as const;
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
