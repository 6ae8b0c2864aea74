// The time ActionTrail is asked about, cut to what one LookupEvents query may span.

export const DAY_MS = 86_400_000;
/** ActionTrail keeps events for 90 days; older windows are a gap, never "unused". */
export const TRAIL_RETENTION_DAYS = 90;
/** How far inside the retention the oldest query starts; a day counts as read with this much of its start missing. */
export const RETENTION_MARGIN_MS = 60_000;
/** One query spans at most 30 days within the last 90 ("支持最长90天内,跨度不超过30天的事件检索"). */
const WINDOW_DAYS = 30;

export interface TimeWindow {
  from: number;
  to: number;
}

/** [from, to) cut into windows of WINDOW_DAYS at most, newest first (recent use matters most). */
export function windowsOf(from: number, to: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let end = to; end > from; end -= WINDOW_DAYS * DAY_MS) out.push({ from: Math.max(from, end - WINDOW_DAYS * DAY_MS), to: end });
  return out;
}

/** Whole days of [from, to), counted back from `to`, that one of the windows read covers. */
export function daysCovered(from: number, to: number, read: readonly TimeWindow[]): number {
  const total = Math.round((to - from) / DAY_MS);
  let days = 0;
  for (let i = 0; i < total; i++) {
    const end = to - i * DAY_MS;
    if (read.some((w) => w.from <= end - DAY_MS + RETENTION_MARGIN_MS && w.to >= end)) days++;
  }
  return days;
}

/** ActionTrail's time format: `yyyy-MM-ddTHH:mm:ssZ`, UTC, no milliseconds. */
export function trailTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
