import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { HealthCode } from "@/lib/inventory/types";

// These need a look but fail nothing by themselves (or no longer); every other code stops a deployment.
const ADVISORY: ReadonlySet<string> = new Set<HealthCode>(["UNKNOWN", "REDEPLOY_PENDING", "NEED_DENIED", "TRUST_LINT", "FACTS_UNREAD"]);

/** The one colour of a cause or health code, wherever it is shown: first on a row or not. */
export const healthTone = (code: HealthCode): Tone => (code === "NONE" ? "success" : ADVISORY.has(code) ? "warning" : "danger");

/** A cause as people read it: its label in its colour, the stable code in small type beside it. */
export function CauseBadge({ code, showCode = true }: { code: HealthCode; showCode?: boolean }) {
  const t = useTranslations("diagnosis.health");
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-cause-badge={code}>
      <Badge tone={healthTone(code)} dot>
        {t(`${code}.label`)}
      </Badge>
      {showCode && <code className="font-mono text-[11px] text-slate-500">{code}</code>}
    </span>
  );
}
