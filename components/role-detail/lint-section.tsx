import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { lintMessage } from "@/lib/policy-view/lint-words";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { SEVERITY_RANK, severityTone } from "@/components/policy/severity";
import type { RoleDetail } from "@/lib/inventory/role-detail";
import { lineAnchor, policyAnchor, policyLines, TRUST_ANCHOR } from "@/lib/policy-view/policy-lines";
import type { LintFinding } from "@/lib/policy/types";

interface Located {
  finding: LintFinding;
  document: string;
  href: string;
  line?: number;
}

function locate(document: string, prefix: string, raw: string, findings: LintFinding[]): Located[] {
  const view = policyLines(raw, findings);
  return findings.map((finding, i) => {
    const range = view.findingRanges[i];
    return { finding, document, href: range ? `#${lineAnchor(prefix, range.start)}` : `#${prefix}`, line: range ? range.start + 1 : undefined };
  });
}

/** Every finding of the trust policy and the attached policies, worst first, each linked into its JSON. */
export async function LintSection({ detail }: { detail: RoleDetail }) {
  const t = await getTranslations("role-detail");
  const ts = await getTranslations("policy.severity");
  const locale = await getLocale();
  const rows = [
    ...locate(t("trustDocumentName"), TRUST_ANCHOR, detail.trust.raw, detail.trust.lint),
    ...detail.policies.flatMap((p) => locate(p.name, policyAnchor(p.name), p.raw, p.lint)),
  ].sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]);
  return (
    <div id="lint" className="scroll-mt-12">
      <Panel id="lint-panel" title={t("lint")} actions={rows.length > 0 ? <Badge tone="neutral">{rows.length}</Badge> : undefined}>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("lintNone")}</p>
        ) : (
          <Table aria-label={t("lint")} data-testid="lint-findings">
            <THead>
              <tr>
                <TH>{t("lintSeverity")}</TH>
                <TH>{t("lintCode")}</TH>
                <TH>{t("lintMessage")}</TH>
                <TH>{t("lintDocument")}</TH>
                <TH>{t("lintWhere")}</TH>
              </tr>
            </THead>
            <tbody>
              {rows.map((r, i) => (
                <TR key={i} data-code={r.finding.code}>
                  <TD><Badge tone={severityTone[r.finding.severity]}>{ts(r.finding.severity)}</Badge></TD>
                  <TD className="whitespace-nowrap font-mono text-xs">{r.finding.code}</TD>
                  <TD className="text-sm">{lintMessage(isLocale(locale) ? locale : DEFAULT_LOCALE, r.finding)}</TD>
                  <TD className="whitespace-nowrap font-mono text-xs">{r.document}</TD>
                  <TD className="text-xs">
                    <a href={r.href} className="font-mono text-blue-700 hover:underline">
                      {r.finding.path || "/"}
                      {r.line !== undefined && <span className="ml-1 font-sans text-slate-500">L{r.line}</span>}
                    </a>
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
        )}
      </Panel>
    </div>
  );
}
