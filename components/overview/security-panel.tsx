import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { lintMessage } from "@/lib/policy-view/lint-words";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { JsonView } from "@/components/ui/json-view";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { roleHref } from "@/components/inventory/links";
import { severityTone } from "@/components/policy/severity";
import type { ConsoleUser } from "@/lib/actor";
import { CloudError } from "@/lib/cloud/types";
import { getInventoryDeps } from "@/lib/inventory/server-deps";
import { loadSecurityFindings, type SecurityFinding } from "@/lib/overview/load-security-findings";
import { orCloudError, PanelError } from "./panel-error";
import { DataAge } from "./data-age";

const SHOWN = 8;
const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

const docAnchor = (name: string) => `held-policy-${encodeURIComponent(name)}`;

/** Where a finding is read in full: the role page for a document roles hold, else the document shown below the table. */
function findingHref(f: SecurityFinding): string {
  if (f.document.kind === "trust") return `${roleHref(f.document.role)}#lint`;
  const role = f.attachedTo.find((h) => h.kind === "role");
  return role ? `${roleHref(role.name)}#policy-${encodeURIComponent(f.document.name)}` : `#${docAnchor(f.document.name)}`;
}

/** Documents that only users and groups hold: no role page shows them, so they are shown here, each where its name links. */
async function HeldDocuments({ findings }: { findings: SecurityFinding[] }) {
  const t = await getTranslations("overview.security");
  const docs = new Map(findings.flatMap((f) => (f.document.kind === "policy" && f.documentText ? [[f.document.name, f.documentText] as const] : [])));
  if (docs.size === 0) return null;
  return (
    <div className="space-y-2">
      {[...docs].map(([name, text]) => (
        // Closed until wanted; a link to the document inside opens it (the browser expands a details element to show a fragment target).
        <details key={name} className="rounded border border-slate-200">
          <summary className="cursor-pointer px-2 py-1 text-xs text-slate-700">{t("heldDocument", { name })}</summary>
          <div id={docAnchor(name)} className="scroll-mt-24 px-2 pb-2">
            <JsonView json={text} label={t("heldDocument", { name })} copyLabel={t("copyDocument", { name })} />
          </div>
        </details>
      ))}
    </div>
  );
}

// Lint's security warnings across the account, worst first; each links to the role page that
// shows the document with the finding marked in it.
export async function SecurityPanel({ user }: { user: ConsoleUser }) {
  const t = await getTranslations("overview.security");
  const tp = await getTranslations("policy.severity");
  const locale = await getLocale();
  const loaded = await orCloudError(loadSecurityFindings(getInventoryDeps(), user));
  const findings = loaded instanceof CloudError ? [] : loaded.findings;
  return (
    <Panel id="security-warnings" title={t("title")} actions={findings.length > 0 ? <Badge tone="warning">{findings.length}</Badge> : undefined}>
      {loaded instanceof CloudError ? (
        <PanelError error={loaded} />
      ) : findings.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="space-y-2">
          <p className="text-xs text-slate-600">{t("intro")}</p>
          <Table aria-label={t("tableLabel")}>
            <THead>
              <tr>
                <TH>{t("col.severity")}</TH>
                <TH>{t("col.document")}</TH>
                <TH className="w-full">{t("col.finding")}</TH>
                <TH>{t("col.attachedTo")}</TH>
              </tr>
            </THead>
            <tbody>
              {findings.slice(0, SHOWN).map((f) => {
                const href = findingHref(f);
                const trustOf = f.document.kind === "trust" ? f.document.role : undefined;
                const name = trustOf ? t.rich("trustOf", { role: trustOf, mono: (chunks) => <span className="font-mono">{chunks}</span> }) : <span className="font-mono">{f.document.kind === "policy" ? f.document.name : ""}</span>;
                return (
                  <TR key={`${f.document.kind}/${f.document.kind === "trust" ? f.document.role : f.document.name}/${f.code}/${f.path}`} data-finding={f.code}>
                    <TD><Badge tone={severityTone[f.severity]}>{tp(f.severity)}</Badge></TD>
                    <TD className="whitespace-nowrap text-xs">
                      <Link href={href} className={link}>{name}</Link>
                    </TD>
                    <TD className="text-xs">
                      <span className="font-mono text-[11px] text-slate-500">{f.code}</span> {lintMessage(isLocale(locale) ? locale : DEFAULT_LOCALE, f)}
                    </TD>
                    <TD className="text-xs text-slate-600">
                      <ul>
                        {f.attachedTo.map((h) => (
                          <li key={`${h.kind}/${h.name}`} className="whitespace-nowrap">{t(`holder.${h.kind}`, { name: h.name })}</li>
                        ))}
                      </ul>
                    </TD>
                  </TR>
                );
              })}
            </tbody>
          </Table>
          {findings.length > SHOWN && <p className="text-xs text-slate-600">{t("more", { count: findings.length - SHOWN })}</p>}
          <HeldDocuments findings={findings.slice(0, SHOWN)} />
        </div>
      )}
      {!(loaded instanceof CloudError) && <DataAge fetchedAt={loaded.fetchedAt} ttlMs={getInventoryDeps().ttlMs} />}
    </Panel>
  );
}
