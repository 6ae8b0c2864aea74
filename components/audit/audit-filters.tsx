import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { AuditQuery } from "@/lib/audit/filters";
import { actionName } from "./audit-table";

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600";

// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared.
export async function AuditFilters({ query, actions }: { query: AuditQuery; actions: string[] }) {
  const t = await getTranslations("audit");
  const field = (id: string, label: string, el: ReactNode) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">{label}</label>
      {el}
    </div>
  );
  return (
    <form method="get" action="/audit" aria-label={t("filters.label")} className="mb-3 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white px-3 py-2.5">
      {field("f-actor", t("filters.actor"), <input id="f-actor" name="actor" defaultValue={query.actor} className={`${control} w-36`} />)}
      {field("f-action", t("filters.action"), (
        <select id="f-action" name="action" defaultValue={query.action ?? ""} className={control}>
          <option value="">{t("filters.anyAction")}</option>
          {actions.map((a) => <option key={a} value={a}>{actionName(t, a) ? `${actionName(t, a)} · ${a}` : a}</option>)}
        </select>
      ))}
      {field("f-outcome", t("filters.outcome"), (
        <select id="f-outcome" name="outcome" defaultValue={query.outcome ?? ""} className={control}>
          <option value="">{t("filters.anyOutcome")}</option>
          {(["success", "failure", "denied"] as const).map((o) => <option key={o} value={o}>{t(`outcomes.${o}`)}</option>)}
        </select>
      ))}
      {/* Text, not type="date": the browser's date field follows its locale (mm/dd/yyyy) and has no time. */}
      {field("f-from", t("filters.from"), <input id="f-from" name="from" defaultValue={query.from} placeholder={t("filters.whenPlaceholder")} aria-describedby="f-when-hint" className={`${control} w-40 font-mono`} />)}
      {field("f-to", t("filters.to"), <input id="f-to" name="to" defaultValue={query.to} placeholder={t("filters.whenPlaceholder")} aria-describedby="f-when-hint" className={`${control} w-40 font-mono`} />)}
      <p id="f-when-hint" className="basis-full text-[11px] text-slate-500 sm:order-last">{t("filters.whenHint")}</p>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary", "sm")}>{t("filters.apply")}</button>
        <a href="/audit" className={buttonClasses("ghost", "sm")}>{t("filters.clear")}</a>
      </div>
    </form>
  );
}
