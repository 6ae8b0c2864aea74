"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Finding } from "@/lib/preflight/format";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import { JsonView } from "@/components/ui/json-view";

const TONE: Record<Finding["severity"], Tone> = { error: "danger", warning: "warning", info: "info" };

const pretty = (compact: string) => {
  const doc: unknown = JSON.parse(compact);
  // A lone Statement array is shown as the policy it goes into.
  return JSON.stringify(Array.isArray(doc) ? { Version: "1", Statement: doc } : doc, null, 2);
};

/** Where the finding's fix is done: the role's trust or permissions, a PassRole request, or Setup. */
function fixHref(f: Finding): string | undefined {
  const role = f.refs?.role;
  const path = role ? `/roles/${encodeURIComponent(role)}` : undefined;
  if (f.code === "PASSROLE_MISSING" && role && f.refs?.user) return `/requests?${new URLSearchParams({ role, ramUser: f.refs.user })}`;
  if (f.code === "TRUST_MISSING_EAS" && path) return `${path}#trust`;
  if (f.code === "NEED_NOT_COVERED" && path) return `${path}#permissions`;
  if (f.code === "ROLE_NOT_FOUND") return "/setup";
  return undefined;
}

function FindingLinks({ finding }: { finding: Finding }) {
  const t = useTranslations("preflight.links");
  const role = finding.refs?.role;
  const fix = fixHref(finding);
  if (!fix && (!role || finding.code === "ROLE_NOT_FOUND")) return null;
  return (
    <p className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {role && finding.code !== "ROLE_NOT_FOUND" && (
        <Link href={`/roles/${encodeURIComponent(role)}`} className="text-blue-700 underline">{t("role", { role })}</Link>
      )}
      {fix && (
        <Link href={fix} className="text-blue-700 underline" data-testid={`fix-link-${finding.code}`}>
          {t(`fix.${finding.code === "PASSROLE_MISSING" ? "passRole" : finding.code === "ROLE_NOT_FOUND" ? "setup" : finding.code === "TRUST_MISSING_EAS" ? "trust" : "permissions"}`, { role: role ?? "", user: finding.refs?.user ?? "" })}
        </Link>
      )}
    </p>
  );
}

/** Preflight's findings, worst first, each with where in the config, what is wrong and the fix. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const t = useTranslations("preflight");
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div className="space-y-2">
      <p role="status" className={`text-sm font-medium ${errors > 0 ? "text-red-800" : "text-emerald-800"}`} data-testid="preflight-verdict">
        {errors > 0 ? t("notReady", { errors }) : t("ready")}
      </p>
      {findings.length > 0 && (
        <ul className="space-y-2" aria-label={t("findingsLabel")}>
          {findings.map((f, i) => (
            <li key={i} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid={`finding-${f.code}`} data-severity={f.severity}>
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[f.severity]} dot>{t(`severity.${f.severity}`)}</Badge>
                <code className="font-mono text-xs font-semibold text-slate-900">{f.code}</code>
                {f.path && <code className="font-mono text-xs text-slate-500">{f.path}</code>}
              </div>
              <p className="mt-1.5 text-slate-900">{f.message}</p>
              <p className="mt-1 break-words text-slate-700">
                <span className="font-medium">{t("fixLabel")}</span> {f.refs?.document ? f.fix.replace(f.refs.document, "").trim() : f.fix}
              </p>
              {f.refs?.document && (
                <div className="mt-1.5">
                  <JsonView json={pretty(f.refs.document)} label={t("fixDocument", { code: f.code })} copyLabel={t("copyFixDocument")} />
                </div>
              )}
              <FindingLinks finding={f} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
