import { asList } from "./lists";
import type { Statement } from "./types";

function what(s: Statement): string {
  const actions = s.Action ? asList(s.Action).join(", ") : `every action except ${asList(s.NotAction).join(", ")}`;
  const resources = s.Resource
    ? asList(s.Resource).join(", ")
    : s.NotResource
      ? `every resource except ${asList(s.NotResource).join(", ")}`
      : "";
  const principals = Object.values(s.Principal ?? {}).flatMap((v) => asList(v));
  const who = principals.length > 0 ? ` for ${principals.join(", ")}` : "";
  const when = s.Condition ? ` when ${conditionText(s)}` : "";
  return `${actions}${resources ? ` on ${resources}` : ""}${who}${when}`;
}

function conditionText(s: Statement): string {
  return Object.entries(s.Condition ?? {})
    .flatMap(([op, keys]) => Object.entries(keys).map(([k, v]) => `${op} ${k} ${asList(v).join("|")}`))
    .join(" and ");
}

/** "adds oss:GetObject on acs:oss:*:*:models/*"; Deny statements read "adds deny of …". */
export function summarizeAdded(s: Statement, verb: "adds" | "removes"): string {
  return `${verb} ${s.Effect === "Deny" ? "deny of " : ""}${what(s)}`;
}

function listDelta(label: string, before: string[], after: string[], ignoreCase: boolean): string[] {
  const norm = (v: string) => (ignoreCase ? v.toLowerCase() : v);
  const had = new Set(before.map(norm));
  const has = new Set(after.map(norm));
  const added = after.filter((v) => !had.has(norm(v)));
  const removed = before.filter((v) => !has.has(norm(v)));
  const parts: string[] = [];
  if (added.length) parts.push(`adds ${label}${added.join(", ")}`);
  if (removed.length) parts.push(`removes ${label}${removed.join(", ")}`);
  return parts;
}

export function summarizeChanged(before: Statement, after: Statement): string {
  const deny = after.Effect === "Deny" ? "deny of " : "";
  const principals = (s: Statement) => Object.entries(s.Principal ?? {}).flatMap(([t, v]) => asList(v).map((x) => `${t} ${x}`));
  const parts = [
    ...listDelta(deny, asList(before.Action), asList(after.Action), true),
    ...listDelta(`${deny}everything except `, asList(before.NotAction), asList(after.NotAction), true),
    ...listDelta("resource ", asList(before.Resource), asList(after.Resource), false),
    ...listDelta("excluded resource ", asList(before.NotResource), asList(after.NotResource), false),
    ...listDelta("principal ", principals(before), principals(after), false),
  ];
  const c0 = conditionText(before);
  const c1 = conditionText(after);
  if (c0 !== c1) parts.push(c1 ? `conditions now: ${c1}` : "removes all conditions");
  if (before.Sid !== after.Sid) parts.push(`renames Sid ${before.Sid ?? "(none)"} → ${after.Sid ?? "(none)"}`);
  return parts.join("; ") || "reorders values";
}
