import type { Locale } from "@/i18n/config";
import { renderKey } from "../errors/render";
import type { LintFinding } from "../policy/types";

// lib/policy gives a finding as its code and values; the words are the catalog's
// (`policy.lint.<CODE>`), in the reader's language, where a page or an API answer shows them.

export function lintMessage(locale: Locale, finding: LintFinding): string {
  return renderKey(locale, `policy.lint.${finding.code}`, finding.values);
}

/** Findings as the API answers them: each with its message worded for the request's reader. */
export function withLintMessages(locale: Locale, findings: LintFinding[]): (LintFinding & { message: string })[] {
  return findings.map((f) => ({ ...f, message: lintMessage(locale, f) }));
}
