import { getTranslations } from "next-intl/server";
import type { Coverage } from "@/lib/activity/types";

const day = (iso: string) => iso.slice(0, 10);

/** The coverage in words: how much of the window each source was read for, and every gap. */
export async function CoverageNote({ coverage }: { coverage: Coverage }) {
  const t = await getTranslations("activity.coverage");
  const auditGap = coverage.gaps.find((g) => g.kind === "audit_unavailable");
  return (
    <div data-testid="activity-coverage">
      <h3 className="mb-1 text-xs font-medium text-slate-600">{t("title")}</h3>
      <ul className="space-y-0.5 text-sm text-slate-800">
        <li>{t("actiontrail", { seen: coverage.daysSeen, days: coverage.days })}</li>
        {!auditGap && coverage.sources.includes("ram-permission-audit") && <li>{t("audit")}</li>}
        <li>{coverage.ossDataEvents ? t("ossYes") : t("ossNo")}</li>
        {coverage.gaps.map((g, i) => (
          <li key={i} className="text-amber-800">
            {t("gap", { kind: g.kind, from: day(g.from), to: day(g.to) })}
            {g.code && <> {g.requestId ? t("gapCode", { code: g.code, requestId: g.requestId }) : t("gapCodeOnly", { code: g.code })}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
