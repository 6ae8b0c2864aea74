import { roleArnKey } from "../policy/arn";
import type { RoleRef } from "./read-config";

// What the config's role keys say: no role, one role, several (EAS takes one), or an ARN that
// is not a RAM role's.

const ROLE_ARN = /^acs:ram::(\d+):role\/([A-Za-z0-9.-]{1,64})$/;

export type RoleArnRead =
  | { kind: "none" }
  | { kind: "one"; path: string; arn: string; account: string; roleName: string }
  | { kind: "multiple"; path: string; arns: string[] }
  | { kind: "malformed"; path: string; value: string };

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v));

export function readRoleArn(refs: RoleRef[]): RoleArnRead {
  const present = refs.filter((r) => !(typeof r.value === "string" && r.value.trim() === ""));
  if (present.length === 0) return { kind: "none" };
  // A string may itself list several ARNs ("acs:ram::1:role/a,acs:ram::1:role/b").
  const values = present.flatMap((r) => (typeof r.value === "string" ? r.value.split(/[\s,;]+/).filter(Boolean).map((v) => ({ path: r.path, value: v as unknown })) : [r]));
  // Two spellings of one role's ARN are one role: the first spelling of each role is shown.
  const byRole = new Map<string, { path: string; shown: string }>();
  for (const v of values) {
    const shown = show(v.value);
    const key = roleArnKey(shown);
    if (!byRole.has(key)) byRole.set(key, { path: v.path, shown });
  }
  const distinct = [...byRole.values()];
  if (distinct.length > 1) return { kind: "multiple", path: distinct[1].path, arns: distinct.map((d) => d.shown) };
  const { path, value } = values[0];
  const m = typeof value === "string" ? ROLE_ARN.exec(value) : null;
  if (!m) return { kind: "malformed", path, value: show(value) };
  return { kind: "one", path, arn: value as string, account: m[1], roleName: m[2] };
}
