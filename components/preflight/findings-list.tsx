"use client";

import { useTranslations } from "next-intl";
import type { Finding } from "@/lib/preflight/format";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";

const TONE: Record<Finding["severity"], Tone> = { error: "danger", warning: "warning", info: "info" };

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
                <span className="font-medium">{t("fixLabel")}</span> {f.fix}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
