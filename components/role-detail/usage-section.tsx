import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { ErrorState } from "@/components/ui/states";
import type { RoleDetail } from "@/lib/inventory/role-detail";

export async function UsageSection({ usage }: { usage: RoleDetail["usage"] }) {
  const t = await getTranslations("role-detail");
  const tc = await getTranslations("common");
  return (
    <div id="usage" className="scroll-mt-12">
      <Panel id="usage-panel" title={t("usage")}>
        {usage.error ? (
          <ErrorState title={t("usageError")} code={usage.error.code} message={usage.error.message} requestId={usage.error.requestId} requestIdLabel={tc("requestId")} />
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="mb-1.5 text-xs font-medium text-slate-600">{t("services")}</h3>
              {usage.services.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noServices")}</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="role-services">
                  {usage.services.map((s) => (
                    <li key={`${s.region}/${s.name}`}>
                      <Link className="font-mono text-blue-700 hover:underline" href={`/services/${encodeURIComponent(s.region)}/${encodeURIComponent(s.name)}`}>
                        {s.name}
                      </Link>
                      <span className="ml-2 text-xs text-slate-500">{s.region}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="mb-0.5 text-xs font-medium text-slate-600">{t("passers")}</h3>
              <p className="mb-1.5 text-xs text-slate-500">{t("passersHint")}</p>
              {usage.passers.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noPassers")}</p>
              ) : (
                <ul className="flex flex-wrap gap-1.5" data-testid="role-passers">
                  {usage.passers.map((u) => (
                    <li key={u} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800">{u}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </Panel>
    </div>
  );
}
