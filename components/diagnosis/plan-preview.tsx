import { useTranslations } from "next-intl";
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
