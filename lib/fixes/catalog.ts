import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import type { BoundedDuration } from "../request-workflow";
import type { WritePlan } from "../writes/plan";

// The words of a fix (titles, summaries, advice) from the catalog the pages render. A fix is
// planned once and its plan title, the one the audit log keeps, is English whatever the reader's
// locale (the preview token hashes it, so a preview in one language applies in the other); what
// a reader is shown is worded again from the key and values, in their language.

export interface Said {
  key: string;
  values: Record<string, string | number>;
}

const translators = new Map<Locale, (k: string, v: Record<string, string | number>) => string>();

export function sayIn(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: loadMessages(locale), namespace: "diagnosis" });
    t = translate as unknown as (k: string, v: Record<string, string | number>) => string;
    translators.set(locale, t);
  }
  return t(key, values);
}

export const say = (key: string, values: Record<string, string | number> = {}) => sayIn("en", key, values);

/** A plan's title in the audit log's English, and the key that words it for a reader. */
export function titled(key: string, values: Record<string, string | number> = {}): { title: string; message: Said } {
  return { title: say(key, values), message: { key, values } };
}

/** What a `grant-passrole` fix files: a pre-approved PassRole request, granted for `duration`. */
export interface FixGrant {
  ramUser: string;
  roleName: string;
  roleArn: string;
  /** The request's policy (grantPolicyName), as /approvals lists it. */
  policyName: string;
  duration: BoundedDuration;
  /** When the grant would end if it were applied as the preview was made; the apply sets its own. */
  expiresAt: string;
}

/** A fix's write plan with the key its title is worded from. */
export type FixPlan = WritePlan & {
  message: Said;
  grant?: FixGrant;
  /**
   * The plan the preview's token hashes, when what is shown holds a moment set only when it is
   * applied (a grant's expiry): the same plan with that moment put relative to the epoch.
   */
  signed?: WritePlan;
};
