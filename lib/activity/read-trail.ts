import { mapLimit } from "../async/pool";
import { toCloudError } from "../cloud/call";
import type { ActionTrailGateway, TrailEvent } from "../cloud/trail-types";
import type { RateGate } from "./rate-gate";
import type { CoverageGap } from "./types";
import { DAY_MS, RETENTION_MARGIN_MS, TRAIL_RETENTION_DAYS, trailTime, windowsOf, type TimeWindow } from "./windows";

// Reads ActionTrail's events for a time range within the API's limits: windows of one query's
// span, pages of MaxResults 50 followed by NextToken, at most `concurrency` windows at once and
// every call through the rate gate. Each event goes to `onEvent` as its page arrives and is not
// kept. What could not be read is a gap, never silence.

/** LookupEvents' MaxResults: 1 to 50. */
const PAGE_SIZE = 50;

interface TrailReadLimits {
  concurrency: number;
  /** Pages per window before the rest of the window is left as a `truncated` gap. */
  maxPagesPerWindow: number;
}

const DEFAULT_TRAIL_LIMITS: TrailReadLimits = { concurrency: 2, maxPagesPerWindow: 400 };

interface TrailRead {
  read: TimeWindow[];
  gaps: CoverageGap[];
}

const gap = (kind: CoverageGap["kind"], w: TimeWindow, extra: { code?: string; requestId?: string } = {}): CoverageGap => ({
  kind,
  from: new Date(w.from).toISOString(),
  to: new Date(w.to).toISOString(),
  ...extra,
});

export async function readTrail(
  trail: ActionTrailGateway | undefined,
  range: TimeWindow,
  gate: RateGate,
  onEvent: (e: TrailEvent) => void,
  opts: { now: number; limits?: TrailReadLimits; attributes?: { key: string; value: string }[] },
): Promise<TrailRead> {
  const limits = opts.limits ?? DEFAULT_TRAIL_LIMITS;
  const gaps: CoverageGap[] = [];
  const retention = opts.now - TRAIL_RETENTION_DAYS * DAY_MS;
  // ActionTrail measures the 90 days from its own clock, a moment after ours: start a minute inside them.
  const oldest = retention + RETENTION_MARGIN_MS;
  if (range.from < retention) gaps.push(gap("beyond_retention", { from: range.from, to: Math.min(retention, range.to) }));
  const readable = { from: Math.max(range.from, oldest), to: range.to };
  if (readable.from >= readable.to) return { read: [], gaps };
  if (!trail) return { read: [], gaps: [...gaps, gap("trail_unreachable", readable)] };

  const windows = windowsOf(readable.from, readable.to);
  const results = await mapLimit(windows, limits.concurrency, async (w): Promise<CoverageGap | undefined> => {
    let nextToken: string | undefined;
    try {
      for (let page = 0; page < limits.maxPagesPerWindow; page++) {
        await gate.wait();
        const res = await trail.lookupEvents({ startTime: trailTime(w.from), endTime: trailTime(w.to), maxResults: PAGE_SIZE, nextToken, attributes: opts.attributes });
        for (const e of res.events) onEvent(e);
        nextToken = res.nextToken;
        if (!nextToken) return undefined;
      }
      return gap("truncated", w);
    } catch (err) {
      const e = toCloudError(err);
      return gap(e.code.includes("Throttling") ? "throttled" : "window_not_read", w, { code: e.code, ...(e.requestId ? { requestId: e.requestId } : {}) });
    }
  });
  const failed = results.filter((g): g is CoverageGap => g !== undefined);
  const read = windows.filter((_, i) => results[i] === undefined);
  // Every window refused the same way: the trail itself is out of reach (no permission, no endpoint).
  if (read.length === 0 && failed.length > 0 && failed.every((g) => g.kind === "window_not_read" && g.code === failed[0].code)) {
    return { read, gaps: [...gaps, gap("trail_unreachable", readable, { code: failed[0].code, requestId: failed[0].requestId })] };
  }
  return { read, gaps: [...gaps, ...failed] };
}
