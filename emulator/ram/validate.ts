// RAM's input limits, each with the error code the service answers with.
import { z } from "zod";
import { MAX_PERMISSION_POLICY_CHARS, MAX_TRUST_POLICY_CHARS, parsePolicy } from "../../lib/policy";
import type { PolicyKind } from "../../lib/policy/types";
import { ramErrors } from "./errors";
import type { WireTag } from "./state";

export type Params = Record<string, string | undefined>;

/** RAM's current quotas (Limitations page), as far as the emulator keeps the entities they count. */
export const QUOTAS = { groupsPerAccount: 300, groupsPerUser: 10, systemPoliciesPerEntity: 20, customPoliciesPerEntity: 10 } as const;

export function required(p: Params, name: string): string {
  const v = p[name];
  if (v === undefined || v === "") throw ramErrors.missing(name);
  return v;
}

function named(value: string, field: string, max: number, chars: RegExp): string {
  if (value.length < 1 || value.length > max) {
    throw ramErrors.invalid(`InvalidParameter.${field}.Length`, `The parameter ${field} must be 1 to ${max} characters long.`);
  }
  if (!chars.test(value)) {
    throw ramErrors.invalid(`InvalidParameter.${field}.InvalidChars`, `The parameter ${field} contains invalid characters: ${value}.`);
  }
  return value;
}

export const roleName = (v: string) => named(v, "RoleName", 64, /^[A-Za-z0-9.-]+$/);
export const policyName = (v: string) => named(v, "PolicyName", 128, /^[A-Za-z0-9-]+$/);
export const userName = (v: string) => named(v, "UserName", 64, /^[A-Za-z0-9._@-]+$/);
export const groupName = (v: string, field = "GroupName") => named(v, field, 64, /^[A-Za-z0-9._-]+$/);

export function maxLength(value: string | undefined, field: string, max: number): string {
  const v = value ?? "";
  if (v.length > max) throw ramErrors.invalid(`InvalidParameter.${field}.Length`, `The parameter ${field} must be at most ${max} characters long.`);
  return v;
}

export const description = (v: string | undefined) => maxLength(v, "Description", 1024);

export function maxSessionDuration(v: string | undefined): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 3600 || n > 43200) {
    throw ramErrors.invalid("InvalidParameter.MaxSessionDuration", "The parameter MaxSessionDuration must be an integer from 3600 to 43200.");
  }
  return n;
}

export function policyType(v: string | undefined, required_ = true): "System" | "Custom" | undefined {
  if ((v === undefined || v === "") && !required_) return undefined;
  if (v !== "System" && v !== "Custom") throw ramErrors.invalid("InvalidParameter.PolicyType", `The parameter PolicyType must be System or Custom: ${v ?? ""}.`);
  return v;
}

export function versionId(v: string): string {
  if (!/^v[1-9]\d*$/.test(v)) throw ramErrors.invalid("InvalidParameter.VersionId.Format", `The parameter VersionId is invalid: ${v}.`);
  return v;
}

/** Checks the size, then the grammar through lib/policy; the message carries the engine's path. */
export function policyDocument(text: string, kind: PolicyKind): string {
  const max = kind === "trust" ? MAX_TRUST_POLICY_CHARS : MAX_PERMISSION_POLICY_CHARS;
  const field = kind === "trust" ? "AssumeRolePolicyDocument" : "PolicyDocument";
  if (text.length > max) {
    throw ramErrors.invalid(`InvalidParameter.${field}.Length`, `The parameter ${field} must be at most ${max} characters long.`);
  }
  const r = parsePolicy(text, { kind });
  if (!r.ok) throw ramErrors.malformed(r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "));
  return text;
}

const tagsSchema = z.array(z.object({ Key: z.string().min(1).max(128), Value: z.string().max(128).default("") })).max(20);

export function tags(v: string | undefined): WireTag[] {
  if (v === undefined || v === "") return [];
  let raw: unknown;
  try {
    raw = JSON.parse(v);
  } catch {
    raw = undefined;
  }
  const r = tagsSchema.safeParse(raw);
  if (!r.success) throw ramErrors.invalid("InvalidParameter.Tag", "The parameter Tag must be a JSON list of at most 20 {Key, Value}.");
  return r.data.map((t) => ({ TagKey: t.Key, TagValue: t.Value }));
}

export function bool(v: string | undefined): boolean {
  return v === "true" || v === "True" || v === "TRUE";
}

/** RAM paging: MaxItems 1–1000 (ListGroups: 1–100), default 100; Marker is opaque and names the next offset. */
export function page<T>(items: T[], p: Params, maxItems = 1000): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const maxRaw = p.MaxItems;
  const max = maxRaw === undefined || maxRaw === "" ? 100 : Number(maxRaw);
  if (!Number.isInteger(max) || max < 1 || max > maxItems) {
    throw ramErrors.invalid("InvalidParameter.MaxItems", `The parameter MaxItems must be an integer from 1 to ${maxItems}.`);
  }
  let start = 0;
  if (p.Marker) {
    const m = /^o:(\d+)$/.exec(Buffer.from(p.Marker, "base64url").toString());
    if (!m) throw ramErrors.invalid("InvalidParameter.Marker", `The parameter Marker is invalid: ${p.Marker}.`);
    start = Number(m[1]);
  }
  const slice = items.slice(start, start + max);
  const next = start + slice.length;
  if (next < items.length) return { items: slice, IsTruncated: true, Marker: Buffer.from(`o:${next}`).toString("base64url") };
  return { items: slice, IsTruncated: false };
}
