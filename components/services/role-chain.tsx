import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { JsonView } from "@/components/ui/json-view";
import type { ServiceDetail } from "@/lib/inventory/load-service-detail";
import { HealthBadge } from "./health-badge";
import { roleHref } from "@/components/inventory/links";
import { StatusBadge } from "./status-badge";
import { easAssumeTone } from "@/components/roles/eas-assume-tone";
import { CopyButton } from "@/components/ui/copy-button";
import { Breakable } from "@/components/ui/breakable";

function Step({ title, children, last = false }: { title: string; children: ReactNode; last?: boolean }) {
  return (
    <li className="relative flex min-w-0 flex-1 flex-col rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h3>
      <div className="min-w-0 space-y-1.5 text-sm">{children}</div>
      {!last && (
        <span aria-hidden className="absolute -right-4 top-1/2 z-10 hidden -translate-y-1/2 text-lg text-slate-400 lg:block">
          →
        </span>
      )}
    </li>
  );
}

/** Service → role → who the role trusts → what the role may do, in one row. */
export function RoleChain({ detail }: { detail: ServiceDetail }) {
  const t = useTranslations("service-detail");
  const tm = useTranslations("services.mode");
  const tc = useTranslations("common");
  const { role, use, service } = detail;
  return (
    <div className="space-y-3">
      <ol aria-label={t("chainLabel")} className="flex flex-col gap-3 lg:flex-row lg:gap-8">
        <Step title={t("chainService")}>
          <p className="font-medium">{service.name}</p>
          <StatusBadge status={service.status} />
          <p className="text-xs text-slate-600">{use.roleMode === "none" ? tm("none") : use.roleMode === "default" ? `${tm("default")} · ${tm("defaultMethod")}` : `${tm("custom")} · ${tm("customMethod")}`}</p>
        </Step>
        <Step title={t("chainRole")}>
          {!role ? (
            <p className="text-slate-600">{t("noRole")}</p>
          ) : (
            <>
              <Link href={roleHref(role.name)} className="block truncate font-mono text-xs text-blue-700 hover:underline">
                {role.name}
              </Link>
              {role.arn && (
                <p className="flex items-start gap-1.5 font-mono text-[11px] text-slate-500">
                  {/* The whole ARN, wrapped where it must: it is what a service config's role_arn names. */}
                  <span className="min-w-0 [overflow-wrap:anywhere]" data-testid="role-arn"><Breakable text={role.arn} /></span>
                  <CopyButton value={role.arn} label={tc("copyNamed", { name: "ARN" })} className="shrink-0" />
                </p>
              )}
              <HealthBadge health={detail.health} />
              {!role.exists && <p className="text-xs text-red-800">{t("roleMissing", { name: role.name })}</p>}
            </>
          )}
        </Step>
        <Step title={t("chainTrust")}>
          {role?.exists && (
            <>
              <Badge tone={easAssumeTone(role.easCanAssume)} dot>
                {role.easCanAssume ? t("easAssumes") : t("easCannot")}
              </Badge>
              {role.principals.length === 0 ? (
                <p className="text-xs text-slate-600">{t("noPrincipals")}</p>
              ) : (
                <ul className="space-y-1">
                  {role.principals.map((p, i) => (
                    <li key={i} className={`flex flex-wrap items-center gap-1 rounded px-1 font-mono text-xs ${p.isEas ? "bg-emerald-50 ring-1 ring-emerald-600/30" : ""}`}>
                      <span className="text-slate-500">{p.kind}</span>
                      <span className="break-all">{p.value}</span>
                      {p.isEas && <span className="font-sans text-[11px] text-emerald-800">({t("easPrincipal")})</span>}
                      {p.effect === "Deny" && <Badge tone="danger">{t("deny")}</Badge>}
                      {p.conditional && <span className="font-sans text-[11px] text-slate-500">{t("conditional")}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Step>
        <Step title={t("chainPolicies")} last>
          {role?.exists &&
            (detail.policies.length === 0 ? (
              <p className="text-xs text-slate-600">{t("noPolicies")}</p>
            ) : (
              <ul className="space-y-1">
                {detail.policies.map((p) => (
                  <li key={`${p.type}:${p.name}`} className="flex items-center gap-1.5">
                    <Link href={`${roleHref(role.name)}#policy-${encodeURIComponent(p.name)}`} title={p.name} className="font-mono text-xs text-blue-700 [overflow-wrap:anywhere] hover:underline">
                      <Breakable text={p.name} />
                    </Link>
                    <span className="text-[11px] text-slate-500">{p.type}</span>
                  </li>
                ))}
              </ul>
            ))}
        </Step>
      </ol>
      {role?.trustJson && (
        <details className="group">
          <summary className="cursor-pointer text-xs text-slate-600 hover:text-slate-900">{t("documents")}</summary>
          <div className="mt-2 grid gap-3 lg:grid-cols-2">
            <JsonView json={role.trustJson} label={t("chainTrust")} copyLabel={tc("copyNamed", { name: t("trustDocument") })} />
            {detail.policies.map((p) => (
              <JsonView key={p.name} json={p.json} label={p.name} copyLabel={tc("copyNamed", { name: p.name })} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}
