// ActionTrail LookupEvents (API 2020-07-06), as the reference describes it:
// help.aliyun.com/document_detail/185722.html ("LookupEvents - 检索详细事件") and
// alibabacloud.com/help/en/actiontrail/developer-reference/api-actiontrail-2020-07-06-lookupevents;
// the SDK model is aliyun/alibabacloud-typescript-sdk actiontrail-20200706/src/models/LookupEventsRequest.ts.
// - StartTime/EndTime: `yyyy-MM-ddTHH:mm:ssZ` UTC, both or neither; neither = the last 7 days.
// - One query spans at most 30 days, within the last 90 ("支持最长90天内,跨度不超过30天的事件检索",
//   help.aliyun.com/document_detail/28849.html).
// - MaxResults 1–50 (default 20, as LookupInsightEvents documents); Direction BACKWARD (default) or FORWARD.
// - NextToken: pass the same parameters as the call that returned it.
// - LookupAttribute: one or two items, exact and case-sensitive; two items must be a documented pair;
//   the same key twice keeps the second; past two, only the first two count
//   (help.aliyun.com/zh/actiontrail/support/how-to-set-the-lookupattribute-parameter).
// - At most two calls a second (the reference's "每秒钟最多调用两次"); the emulator does not throttle by
//   itself, a `Throttling.User` fault on LookupEvents (PUT /_emulator/faults) plays it.
import { createHash } from "node:crypto";
import { ApiError } from "../core/contract";
import { eventRecord, eventRW, isoSeconds, serviceInfo } from "./event-record";
import { HISTORY_DAYS, type ActivityLog, type StoredEvent } from "./log";

const MAX_SPAN_DAYS = 30;
const DEFAULT_SPAN_DAYS = 7;
const MAX_RESULTS = 50;
const DEFAULT_RESULTS = 20;
const DAY_MS = 86_400_000;

const ATTRIBUTE_KEYS = [
  "ServiceName",
  "EventName",
  "User",
  "PrincipalId",
  "EventId",
  "ResourceType",
  "ResourceName",
  "EventRW",
  "EventAccessKeyId",
  "SensitiveAction",
  "SourceIpAddress",
  "EventType",
  "RoleName",
] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

/** The pairs the reference allows when two items are given. */
const PAIRS: Record<string, readonly AttributeKey[]> = {
  ServiceName: ["EventName", "User", "PrincipalId", "RoleName", "ResourceName", "EventRW", "SensitiveAction", "EventType"],
  ResourceName: ["ResourceType", "EventName", "User", "RoleName", "ServiceName"],
  EventType: ["EventName"],
};

const allowedPair = (a: string, b: string) => (PAIRS[a] ?? []).includes(b as AttributeKey) || (PAIRS[b] ?? []).includes(a as AttributeKey);

function matches(e: StoredEvent, key: AttributeKey, value: string): boolean {
  switch (key) {
    case "ServiceName":
      return serviceInfo(e.service).serviceName === value;
    case "EventName":
      return e.action === value;
    case "User":
      return `${e.roleName}:${e.sessionName}` === value;
    case "PrincipalId":
      return `${e.roleId}:${e.sessionName}` === value;
    case "EventId":
      return e.id === value;
    case "ResourceType":
      return serviceInfo(e.service).resourceType(e.resource) === value;
    case "ResourceName":
      return e.resource === value;
    case "EventRW":
      return eventRW(e.action) === value;
    case "EventAccessKeyId":
      return e.accessKeyId === value;
    case "SensitiveAction":
      // No event the emulator records is one of ActionTrail's sensitive actions.
      return value === "false";
    case "SourceIpAddress":
      return e.sourceIp === value;
    case "EventType":
      return value === "ApiCall";
    case "RoleName":
      return e.roleName === value;
  }
}

const invalid = (message: string) => new ApiError(400, "InvalidParameter", message);

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function parseTime(name: string, value: string): number {
  const ms = Date.parse(value);
  if (!TIME.test(value) || Number.isNaN(ms)) throw invalid(`${name} must be a UTC time in the format yyyy-MM-ddTHH:mm:ssZ: ${value}.`);
  return ms;
}

/** LookupAttribute.N.Key/Value as the SDK flattens them; a JSON array is taken too. */
function attributes(params: Record<string, string>): { key: AttributeKey; value: string }[] {
  const items: { n: number; key?: string; value?: string }[] = [];
  if (params.LookupAttribute) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(params.LookupAttribute);
    } catch {
      throw invalid("LookupAttribute must be a list of {Key, Value} items.");
    }
    if (!Array.isArray(parsed)) throw invalid("LookupAttribute must be a list of {Key, Value} items.");
    parsed.forEach((p: { Key?: unknown; Value?: unknown }, i) => items.push({ n: i + 1, key: typeof p?.Key === "string" ? p.Key : undefined, value: typeof p?.Value === "string" ? p.Value : undefined }));
  }
  for (const [name, v] of Object.entries(params)) {
    const m = /^LookupAttribute\.(\d+)\.(Key|Value)$/.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    let item = items.find((x) => x.n === n);
    if (!item) items.push((item = { n }));
    if (m[2] === "Key") item.key = v;
    else item.value = v;
  }
  items.sort((a, b) => a.n - b.n);
  const out: { key: AttributeKey; value: string }[] = [];
  for (const item of items.slice(0, 2)) {
    if (!item.key) throw invalid(`LookupAttribute.${item.n}.Key is required when LookupAttribute.${item.n}.Value is given.`);
    if (!(ATTRIBUTE_KEYS as readonly string[]).includes(item.key)) throw invalid(`LookupAttribute.${item.n}.Key must be one of ${ATTRIBUTE_KEYS.join(", ")}: ${item.key}.`);
    if (item.value === undefined || item.value === "") throw invalid(`LookupAttribute.${item.n}.Value is required for the key ${item.key}.`);
    const same = out.findIndex((o) => o.key === item.key);
    if (same >= 0) out.splice(same, 1);
    out.push({ key: item.key as AttributeKey, value: item.value });
  }
  if (out.length === 2 && !allowedPair(out[0].key, out[1].key)) {
    throw invalid(`LookupAttribute cannot combine ${out[0].key} with ${out[1].key}: two items must be ServiceName with EventName, User, PrincipalId, RoleName, ResourceName, EventRW, SensitiveAction or EventType; ResourceName with ResourceType, EventName, User, RoleName or ServiceName; or EventType with EventName.`);
  }
  return out;
}

interface Cursor {
  t: number;
  seq: number;
  from: number;
  to: number;
  q: string;
}

const encodeToken = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeToken(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Cursor;
    if (typeof c.t === "number" && typeof c.seq === "number" && typeof c.from === "number" && typeof c.to === "number" && typeof c.q === "string") return c;
  } catch {
    // fall through
  }
  throw invalid("NextToken is not a token LookupEvents returned.");
}

/** `region` is the endpoint's: its events and those of global services (RAM, STS), as a regional trail sees them. */
export function lookupEvents(log: ActivityLog, params: Record<string, string>, now: Date, accountId: string, region: string): Record<string, unknown> {
  log.prune(now);
  const nowMs = Math.floor(now.getTime() / 1000) * 1000;
  const direction = params.Direction ?? "BACKWARD";
  if (direction !== "BACKWARD" && direction !== "FORWARD") throw invalid(`Direction must be FORWARD or BACKWARD: ${direction}.`);
  const maxRaw = params.MaxResults ?? String(DEFAULT_RESULTS);
  if (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1 || Number(maxRaw) > MAX_RESULTS) throw invalid(`MaxResults must be a whole number from 1 to ${MAX_RESULTS}: ${maxRaw}.`);
  const max = Number(maxRaw);
  const attrs = attributes(params);

  const hasStart = params.StartTime !== undefined && params.StartTime !== "";
  const hasEnd = params.EndTime !== undefined && params.EndTime !== "";
  if (hasStart !== hasEnd) throw invalid("StartTime and EndTime must be given together, or neither (the last 7 days).");
  // What a NextToken must be used with: the same parameters, paging token aside.
  const q = createHash("sha256")
    .update(JSON.stringify([params.StartTime ?? "", params.EndTime ?? "", direction, max, attrs]))
    .digest("base64url");

  let from: number;
  let to: number;
  let after: { t: number; seq: number } | undefined;
  if (params.NextToken) {
    const c = decodeToken(params.NextToken);
    if (c.q !== q) throw invalid("NextToken was returned for other parameters: pass the same StartTime, EndTime, Direction, MaxResults and LookupAttribute as the call that returned it.");
    ({ from, to } = c);
    after = { t: c.t, seq: c.seq };
  } else if (hasStart) {
    from = parseTime("StartTime", params.StartTime);
    to = Math.min(parseTime("EndTime", params.EndTime), nowMs);
    if (from > to) throw invalid(`StartTime must not be later than EndTime (or the current time): ${params.StartTime} > ${isoSeconds(to)}.`);
    if (from < nowMs - HISTORY_DAYS * DAY_MS) throw invalid(`StartTime must be within the last ${HISTORY_DAYS} days (from ${isoSeconds(nowMs - HISTORY_DAYS * DAY_MS)}): ${params.StartTime}.`);
    if (to - from > MAX_SPAN_DAYS * DAY_MS) throw invalid(`StartTime and EndTime must be at most ${MAX_SPAN_DAYS} days apart: ${params.StartTime} to ${params.EndTime}.`);
  } else {
    to = nowMs;
    from = nowMs - DEFAULT_SPAN_DAYS * DAY_MS;
  }

  const { events, more } = log.scan({
    from,
    to,
    direction,
    after,
    limit: max,
    keep: (e) => (e.region === region || serviceInfo(e.service).global) && attrs.every((a) => matches(e, a.key, a.value)),
  });
  const last = events.at(-1);
  return {
    StartTime: isoSeconds(from),
    EndTime: isoSeconds(to),
    Events: events.map((e) => eventRecord(e, accountId)),
    ...(more && last ? { NextToken: encodeToken({ t: last.t, seq: last.seq, from, to, q }) } : {}),
  };
}
