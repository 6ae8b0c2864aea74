import { describe, expect, it } from "vitest";
import { ActivityLog, type NewEvent } from "./log";

const DAY = 86_400_000;
const NOW = new Date("2026-12-07T12:00:00Z");
const call = (daysAgo: number, id: string, service = "oss"): NewEvent => ({
  t: NOW.getTime() - daysAgo * DAY,
  id,
  roleName: "r",
  roleId: "1",
  sessionName: "s",
  accessKeyId: "STS.x",
  service,
  action: "GetObject",
  resource: "acs:oss:*:*:b/k",
  region: "cn-hangzhou",
  requestId: id,
  sourceIp: "127.0.0.1",
});
const all = (log: ActivityLog, now = NOW) => log.scan({ from: now.getTime() - 90 * DAY, to: now.getTime(), direction: "FORWARD", keep: () => true, limit: 1000 }).events.map((e) => e.id);

describe("ActivityLog", () => {
  it("keeps at most its cap per account, dropping the oldest first", () => {
    const log = new ActivityLog(3);
    for (const [d, id] of [[5, "e5"], [1, "e1"], [4, "e4"], [2, "e2"], [3, "e3"]] as const) log.record(call(d, id), NOW);
    expect(all(log)).toEqual(["e3", "e2", "e1"]);
  });

  it("keeps 90 days of events; older calls only move the last access, kept 400 days", () => {
    const log = new ActivityLog();
    expect(log.record(call(100, "old", "cr"), NOW)).toBe(false);
    expect(log.record(call(80, "recent"), NOW)).toBe(true);
    expect(all(log)).toEqual(["recent"]);
    const later = new Date(NOW.getTime() + 20 * DAY);
    log.prune(later);
    expect(all(log, later)).toEqual([]);
    expect([...log.accessOf("R").keys()].sort()).toEqual(["cr", "oss"]);
    log.prune(new Date(NOW.getTime() + 301 * DAY));
    expect([...log.accessOf("r").keys()]).toEqual(["oss"]);
  });
});
