import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { utcMinute } from "@/components/approvals/format";
import { loadRequestSummary } from "@/lib/approvals/read-requests";
import { getApprovalDeps } from "@/lib/approvals/server-deps";
import type { ConsoleUser } from "@/lib/actor";

const link = "text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600";

// What waits on PassRole: for admins everyone's requests and grants, linking to Approvals
// filtered to them; for engineers their own, linking to their requests.
export async function PassRolePanel({ user }: { user: ConsoleUser }) {
  const t = await getTranslations("overview.passrole");
  const s = await loadRequestSummary(getApprovalDeps(), user);
  const all = s.scope === "all";
  const pendingHref = all ? "/approvals" : "/requests";
  const grantedHref = all ? "/approvals?state=granted" : "/requests";
  return (
    <Panel id="passrole" title={all ? t("title") : t("titleMine")} actions={s.pending.total > 0 ? <Badge tone="info">{s.pending.total}</Badge> : undefined}>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-label={all ? t("pending", { count: s.pending.total }) : t("pendingMine", { count: s.pending.total })} data-testid="passrole-pending">
          <p className="text-sm text-slate-800">{all ? t("pending", { count: s.pending.total }) : t("pendingMine", { count: s.pending.total })}</p>
          {s.pending.newest.length > 0 && (
            <ul className="mt-1.5 space-y-0.5 text-xs">
              {s.pending.newest.map((r) => (
                <li key={r.id}>
                  <Link href={all ? `/approvals/${r.id}` : "/requests"} className={`font-mono ${link}`}>
                    {t("asked", { ramUser: r.ramUser, role: r.roleName, requester: r.requester })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {s.pending.total > 0 && <p className="mt-1.5 text-xs"><Link href={pendingHref} className={link}>{all ? t("openPending") : t("openMine")}</Link></p>}
        </section>
        <section aria-label={all ? t("expiring", { count: s.expiring.total }) : t("expiringMine", { count: s.expiring.total })} data-testid="passrole-expiring">
          <p className="text-sm text-slate-800">{all ? t("expiring", { count: s.expiring.total }) : t("expiringMine", { count: s.expiring.total })}</p>
          {s.expiring.soonest.length > 0 && (
            <ul className="mt-1.5 space-y-0.5 text-xs">
              {s.expiring.soonest.map((r) => (
                <li key={r.id} className="font-mono text-slate-700">{t("ends", { ramUser: r.ramUser, role: r.roleName, time: utcMinute(r.expiresAt) })}</li>
              ))}
            </ul>
          )}
          {s.expiring.total > 0 && <p className="mt-1.5 text-xs"><Link href={grantedHref} className={link}>{all ? t("openGranted") : t("openMine")}</Link></p>}
        </section>
      </div>
    </Panel>
  );
}
