import { getTranslations } from "next-intl/server";
import type { Coverage, UnusedFinding } from "@/lib/activity/types";

/** What went unused in the window; where the console could not see, it says so instead. */
export async function UnusedList({ unused, coverage }: { unused: UnusedFinding[]; coverage: Coverage }) {
  const t = await getTranslations("activity.unused");
  const partial = coverage.daysSeen < coverage.days || coverage.gaps.some((g) => g.kind !== "audit_unavailable");
  return (
    <div data-testid="activity-unused">
      <h3 className="mb-1 text-xs font-medium text-slate-600">{t("title", { days: coverage.days })}</h3>
      {unused.length === 0 ? (
        <p className="text-sm text-slate-600">{partial ? t("unknown") : t("none")}</p>
      ) : (
        <ul className="space-y-0.5 text-sm">
          {unused.map((u) => (
            <li key={`${u.kind}:${u.name}`}>
              <span className="font-mono text-xs text-slate-900">{u.kind === "role" ? t("role") : t(u.kind, { name: u.name })}</span>{" "}
              <span className="text-xs text-slate-600">{u.lastUsed ? t("lastUsed", { time: `${u.lastUsed.slice(0, 10)}` }) : t("never")}</span>
            </li>
          ))}
          {partial && <li className="text-xs text-amber-800">{t("unknown")}</li>}
        </ul>
      )}
    </div>
  );
}
