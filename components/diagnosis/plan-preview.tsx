import Link from "next/link";
import { useTranslations } from "next-intl";
import { utcMinute } from "@/components/approvals/format";
import { JsonView, type JsonLine } from "@/components/ui/json-view";
import type { FixView } from "./api";

const TINT = { add: "bg-emerald-50 border-l-emerald-500", del: "bg-red-50 border-l-red-500" } as const;

/** Every call a fix makes, exactly as sent, and for each document it changes the line diff. */
export function PlanPreview({ fix }: { fix: FixView }) {
  const t = useTranslations("diagnosis.fix");
  const tc = useTranslations("common");
  return (
    <div className="space-y-3" data-testid="fix-preview">
      <p className="text-xs text-slate-600">{t("nothingWritten")}</p>
      {fix.redeploys && <p className="text-xs text-amber-800">{t("redeploys")}</p>}
      {fix.preview.widens && <Widens widens={fix.preview.widens} />}
      {fix.preview.grant && (
        <p role="note" data-testid="grant-note" className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
          {t("grantNote", { user: fix.preview.grant.ramUser, role: fix.preview.grant.roleName, duration: fix.preview.grant.duration, expires: utcMinute(fix.preview.grant.expiresAt) })}
        </p>
      )}
      <ol className="space-y-3">
        {fix.preview.steps.map((s) => {
          const label = t("step", { operation: s.operation, target: s.target });
          const lines = new Map<number, JsonLine>();
          s.diff?.forEach((l, i) => {
            if (l.kind !== "same") lines.set(i, { tint: TINT[l.kind], data: { "data-diff": l.kind }, note: l.kind === "add" ? "+" : "−" });
          });
          return (
            <li key={s.id} className="space-y-1.5" data-step={s.operation}>
              <p className="text-sm font-medium text-slate-800">
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{s.service}</span>
                {label}
              </p>
              {s.diff && s.diff.length > 0 ? (
                <JsonView json={s.diff.map((l) => `${l.kind === "add" ? "+ " : l.kind === "del" ? "- " : "  "}${l.text}`).join("\n")} lines={lines} label={`${t("whatChanges")}: ${label}`} copyLabel={tc("copyNamed", { name: label })} />
              ) : (
                <JsonView json={JSON.stringify(s.params, null, 2)} label={`${t("params")}: ${label}`} caption={t("params")} copyLabel={tc("copyNamed", { name: label })} />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const serviceHref = (s: { region: string; name: string }) => `/services/${encodeURIComponent(s.region)}/${encodeURIComponent(s.name)}`;

/** Said before anything else when the fix lets a new principal assume a role others already use. */
function Widens({ widens: w }: { widens: NonNullable<FixView["preview"]["widens"]> }) {
  const t = useTranslations("diagnosis.fix");
  return (
    <div role="note" data-testid="widens" className="space-y-1.5 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">{t("widensTitle", { role: w.role })}</p>
      <p>{t("widensBody", { role: w.role, principal: w.principal })}</p>
      {w.trusted.length > 0 ? (
        <div>
          <p>{t("widensTrusted")}</p>
          <ul className="mt-0.5 flex flex-wrap gap-1.5" data-testid="widens-trusted">
            {w.trusted.map((p) => (
              <li key={`${p.kind}:${p.value}`} className="rounded bg-amber-100 px-1.5 py-0.5 font-mono text-xs">
                {p.value} <span className="font-sans text-[11px] text-amber-800">{p.kind}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("widensNoTrusted")}</p>
      )}
      {w.servicesError ? (
        <p>{t("widensServicesUnknown", { role: w.role, code: w.servicesError.code })}</p>
      ) : w.services.length > 0 ? (
        <div>
          <p>{t("widensServices", { role: w.role })}</p>
          <ul className="mt-0.5 flex flex-wrap gap-1.5" data-testid="widens-services">
            {w.services.map((s) => (
              <li key={`${s.region}/${s.name}`}>
                <Link href={serviceHref(s)} className="font-mono text-xs text-blue-700 underline">
                  {s.region}/{s.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("widensNoServices", { role: w.role })}</p>
      )}
    </div>
  );
}
