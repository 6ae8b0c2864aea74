import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { Tone } from "@/components/ui/tone";
import type { AuditEntry, AuditOutcome } from "@/lib/db/types";

// tone.ts: danger means failed or denied, so both refusals share it.
const OUTCOME_TONE: Record<AuditOutcome, Tone> = { success: "success", failure: "danger", denied: "danger" };

const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

/** Where a target is read: a PassRole request's review, a service's page; other targets are names. */
function targetHref(target: string): string | undefined {
  const request = /^passrole-request\/(\d+)$/.exec(target);
  if (request) return `/approvals/${request[1]}`;
  const service = /^([a-z]{2,}-[a-z0-9-]+)\/([A-Za-z0-9_-]+)$/.exec(target);
  if (service) return `/services/${service[1]}/${service[2]}`;
  return undefined;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"audit">>>;

/**
 * An action's name in the reader's words (`users.create` → "Console user created"), or undefined
 * for one the catalog does not name (a cloud API call such as `ram:CreateRole`, which is its own name).
 */
export function actionName(t: Translate, action: string): string | undefined {
  const key = `actions.${action}` as "actions.users.create";
  return /^[a-z_]+\.[a-z_]+$/.test(action) && t.has(key) ? t(key) : undefined;
}

/** The detail as fields a person reads, with the stored JSON a click away. */
function Detail({ detail, jsonLabel, jsonTitle }: { detail: AuditEntry["detail"]; jsonLabel: string; jsonTitle: string }) {
  if (!detail || Object.keys(detail).length === 0) return null;
  return (
    <div className="space-y-1">
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        {Object.entries(detail).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-mono text-[11px] text-slate-500">{k}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : <code className="font-mono text-[11px]">{JSON.stringify(v)}</code>}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary className="cursor-pointer text-[11px] text-blue-700">{jsonLabel}</summary>
        <pre aria-label={jsonTitle} className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-[11px] [overflow-wrap:anywhere]">{JSON.stringify(detail, null, 2)}</pre>
      </details>
    </div>
  );
}

export async function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = await getTranslations("audit");
  if (entries.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <Table aria-label={t("title")}>
      <THead>
        <tr>
          <TH>{t("columns.time")}</TH>
          <TH>{t("columns.actor")}</TH>
          <TH>{t("columns.action")}</TH>
          <TH>{t("columns.target")}</TH>
          <TH>{t("columns.outcome")}</TH>
          <TH>{t("columns.requestId")}</TH>
          <TH>{t("columns.detail")}</TH>
        </tr>
      </THead>
      <tbody>
        {entries.map((e) => (
          <TR key={e.id}>
            <TD className="whitespace-nowrap font-mono text-xs text-slate-600">{e.at.slice(0, 19).replace("T", " ")}</TD>
            <TD className="font-mono text-xs">{e.actor}</TD>
            <TD className="text-xs">
              {actionName(t, e.action) && <span className="block text-slate-800">{actionName(t, e.action)}</span>}
              <code className="font-mono text-[11px] text-slate-500">{e.action}</code>
            </TD>
            <TD className="max-w-64 text-xs [overflow-wrap:anywhere]">
              {targetHref(e.target) ? (
                <Link href={targetHref(e.target)!} className={`font-mono ${link}`}>
                  {e.target}
                </Link>
              ) : (
                e.target
              )}
            </TD>
            <TD><Badge tone={OUTCOME_TONE[e.outcome]}>{t(`outcomes.${e.outcome}`)}</Badge></TD>
            <TD className="font-mono text-xs text-slate-600">{e.requestId ?? ""}</TD>
            <TD className="max-w-96 text-xs text-slate-600">
              <Detail detail={e.detail} jsonLabel={t("showJson")} jsonTitle={t("detailJson")} />
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
