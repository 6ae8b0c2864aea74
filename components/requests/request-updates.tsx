import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { utcMinute } from "@/components/approvals/format";
import type { RequestNotice } from "@/lib/approvals/types";
import { MarkReadButton } from "./mark-read-button";

// What changed on the reader's requests while they were away: decisions, grants, expiries, reminders.
export async function RequestUpdates({ notices, unread }: { notices: RequestNotice[]; unread: number }) {
  const t = await getTranslations("approvals");
  return (
    <Panel id="updates" title={t("requests.updatesTitle")} actions={unread > 0 ? <MarkReadButton /> : undefined}>
      {notices.length === 0 ? (
        <p className="text-sm text-slate-600">{t("requests.updatesEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="request-updates">
          {notices.map((n) => (
            <li key={n.id} className="flex items-baseline gap-2 py-1.5 text-sm" data-event={n.event}>
              <span className="w-32 shrink-0 whitespace-nowrap font-mono text-xs text-slate-500">{utcMinute(n.at)}</span>
              <span className={n.read ? "text-slate-700" : "font-medium text-slate-900"}>
                {t(`events.${n.event}`, { actor: n.actor, role: n.roleName, user: n.ramUser })}
              </span>
              {!n.read && <span className="rounded bg-blue-100 px-1 text-[10px] font-medium text-blue-800">{t("requests.unread")}</span>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
