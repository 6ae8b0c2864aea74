import type { LintSeverity } from "@/lib/policy/types";
import type { Tone } from "@/components/ui/tone";

export const severityTone: Record<LintSeverity, Tone> = {
  error: "danger",
  "security-warning": "warning",
  warning: "warning",
  suggestion: "neutral",
};

/** Line tint in a JSON view for the worst finding on that line. */
export const severityLine: Record<LintSeverity, string> = {
  error: "bg-red-50 border-l-red-500",
  "security-warning": "bg-amber-50 border-l-amber-500",
  warning: "bg-amber-50 border-l-amber-400",
  suggestion: "bg-slate-100 border-l-slate-400",
};

export const SEVERITY_RANK: Record<LintSeverity, number> = { error: 0, "security-warning": 1, warning: 2, suggestion: 3 };
