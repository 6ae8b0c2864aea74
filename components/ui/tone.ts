// One meaning per colour, everywhere in the console:
// success = healthy / allowed / running, danger = failed / denied, warning = needs attention,
// info = in progress, neutral = off or not applicable.
export type Tone = "success" | "danger" | "warning" | "info" | "neutral";

export const toneClasses: Record<Tone, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  danger: "bg-red-50 text-red-800 ring-red-600/25",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/30",
  info: "bg-sky-50 text-sky-800 ring-sky-600/25",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export const toneDot: Record<Tone, string> = {
  success: "bg-emerald-500",
  danger: "bg-red-500",
  warning: "bg-amber-500",
  info: "bg-sky-500",
  neutral: "bg-slate-400",
};

// EAS service statuses in the meanings above: the one place their colours are decided.
const STATUS_TONE: Record<string, Tone> = {
  Running: "success",
  Completed: "success",
  Failed: "danger",
  DeleteFailed: "danger",
  Creating: "info",
  Updating: "info",
  Starting: "info",
  Waiting: "info",
  Stopping: "info",
  Deleting: "info",
  HotUpdate: "info",
  Stopped: "neutral",
};

// The status is the cloud's word: a status named like an Object property (`constructor`) is unknown.
export const statusTone = (status: string): Tone => (Object.hasOwn(STATUS_TONE, status) ? STATUS_TONE[status] : "neutral");
