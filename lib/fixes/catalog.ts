import "server-only";
import { createTranslator } from "next-intl";
import messages from "../../messages/en";

// The words the API answers with (fix titles, summaries, advice), from the same catalog the
// pages render; the audit log keeps them too, so they are English whatever the reader's locale.
const t = createTranslator({ locale: "en", messages, namespace: "diagnosis" });

export function say(key: string, values: Record<string, string | number> = {}): string {
  return (t as unknown as (k: string, v: Record<string, string | number>) => string)(key, values);
}
