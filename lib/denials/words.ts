// A denial in the reader's words: whole sentences from the `denials` catalog.
import type { Locale } from "@/i18n/config";
import { renderKey } from "../errors/render";
import type { AccessDeniedDetail } from "../cloud/types";
import type { DecodeOutcome } from "./decode";
import type { Explanation } from "./explain";
import type { DenialNote } from "./note";

const POLICY_TYPES = new Set(["AssumeRolePolicy", "ControlPolicy", "AccountLevelIdentityBasedPolicy", "ResourceGroupLevelIdentityBasedPolicy", "SessionPolicy"]);
const SERVICES: Record<string, string> = { ram: "RAM", sts: "STS", eas: "PAI-EAS" };

function serviceOf(action: string): string {
  const prefix = action.split(":")[0]?.toLowerCase() ?? "";
  return SERVICES[prefix] ?? (prefix.toUpperCase() || "RAM");
}

/** "the RAM user bob", "the console's role RoleScopeConsole (session s)". */
function principalWords(locale: Locale, e: Explanation, self: boolean): string {
  const p = e.principal;
  const key = p.type === "role" ? (p.session ? "roleSession" : "role") : p.type;
  return renderKey(locale, `denials.principal.${self ? "console" : "other"}.${key}`, { name: p.name, session: p.session ?? "" });
}

const REASON: Record<Explanation["kind"], string> = {
  implicit: "implicit",
  explicit: "explicit",
  trust: "trust",
  session: "session",
  control: "control",
  "resource-group": "resourceGroup",
};

/** The one sentence that says who refused what to whom, and why. */
export function reasonText(locale: Locale, e: Explanation, self = false): string {
  const names = e.policies.map((p) => (p.version ? `${p.name} (${p.version})` : p.name));
  const almost = e.kind === "implicit" && names.length > 0;
  return renderKey(locale, `denials.reason.${almost ? "implicitAlmost" : REASON[e.kind]}`, {
    service: serviceOf(e.action),
    action: e.action,
    resource: e.resource,
    principal: principalWords(locale, e, self),
    policies: names,
  });
}

/** What the refusal itself says, when RAM's decoding could not be had. */
function undecodedText(locale: Locale, outcome: Extract<DecodeOutcome, { ok: false }>, detail: AccessDeniedDetail): string {
  const reason = renderKey(locale, `denials.undecoded.${outcome.reason === "console-denied" ? "consoleDenied" : outcome.reason === "other-account" ? "otherAccount" : outcome.reason}`, { code: outcome.cloud.code });
  return `${reason} ${detailText(locale, detail)}`;
}

function detailText(locale: Locale, detail: AccessDeniedDetail): string {
  const denyType = detail.NoPermissionType === "ExplicitDeny" ? "explicit" : "implicit";
  const policyType = POLICY_TYPES.has(detail.PolicyType ?? "") ? (detail.PolicyType as string) : "AccountLevelIdentityBasedPolicy";
  return renderKey(locale, "denials.undecoded.detail", {
    action: detail.AuthAction ?? "?",
    denyType: renderKey(locale, `denials.fields.${denyType}`),
    policyType: renderKey(locale, `denials.policyType.${policyType}`),
  });
}

export function whyDeniedHref(message: string): string {
  return `/why-denied?message=${encodeURIComponent(message)}`;
}

/** The note ErrorState shows for a refused call of the console's own. */
export function denialNote(locale: Locale, detail: AccessDeniedDetail, outcome: DecodeOutcome | undefined, explanation: Explanation | undefined): DenialNote {
  const message = detail.EncodedDiagnosticMessage;
  const open = message ? { label: renderKey(locale, "denials.note.open"), href: whyDeniedHref(message) } : undefined;
  const title = renderKey(locale, "denials.note.title");
  if (outcome?.ok && explanation) {
    return {
      title,
      text: reasonText(locale, explanation, true),
      decoded: true,
      links: explanation.policies.filter((p) => p.link).map((p) => ({ label: p.name, href: p.link as string })),
      ...(open ? { open } : {}),
    };
  }
  const text = outcome && !outcome.ok ? undecodedText(locale, outcome, detail) : `${renderKey(locale, "denials.undecoded.missing")} ${detailText(locale, detail)}`;
  return { title, text, decoded: false, links: [], ...(open ? { open } : {}) };
}
