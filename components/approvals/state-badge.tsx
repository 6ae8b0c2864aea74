import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";
import type { RequestState } from "@/lib/request-workflow";

// tone.ts: waiting needs attention, in progress is info, a grant in force is success, a refusal
// or failure is danger, and what simply ended is neutral.
const TONE: Record<RequestState, Tone> = {
  pending: "warning",
  approved: "info",
  granting: "info",
  granted: "success",
  failed: "danger",
  rejected: "danger",
  cancelled: "neutral",
  revoked: "neutral",
  expired: "neutral",
};

export function StateBadge({ state }: { state: RequestState }) {
  const t = useTranslations("approvals.states");
  return (
    <Badge tone={TONE[state]} dot>
      <span data-state={state}>{t(state)}</span>
    </Badge>
  );
}
