import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import { renderFieldRule } from "../errors/render";
import type { Draft, PreflightCode, Severity } from "./rules";

// Findings in words, from the catalog, in the reader's language: the API and the page answer in
// the request's, the command line in the terminal's (`--lang`, `LANG`). Codes never change.

export interface Finding {
  code: PreflightCode;
  severity: Severity;
  path: string;
  message: string;
  fix: string;
  /** What the finding names, for links: the role, the RAM user, and the document its fix quotes (compact, as in `fix`). */
  refs?: { role?: string; user?: string; document?: string };
}

const isDocument = (v: unknown): v is string => typeof v === "string" && /^[[{]/.test(v);

function refsOf(values: Draft["values"]): Finding["refs"] {
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const role = text(values.role);
  const user = text(values.user);
  const document = isDocument(values.policy) ? values.policy : isDocument(values.statement) ? values.statement : undefined;
  return role || user || document ? { ...(role ? { role } : {}), ...(user ? { user } : {}), ...(document ? { document } : {}) } : undefined;
}

type Translate = (key: string, values: Record<string, string | number>) => string;
const translators = new Map<Locale, Translate>();

function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    // A message the catalog cannot format is a bug in the catalog: fail loudly, never send a key.
    const translate = createTranslator({
      locale,
      messages: { preflight: loadMessages(locale).preflight },
      namespace: "preflight.findings",
      onError: (e) => {
        throw e;
      },
    });
    t = translate as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

export function formatFinding(code: PreflightCode, severity: Severity, draft: Draft, locale: Locale = DEFAULT_LOCALE): Finding {
  const t = translator(locale);
  const values = Object.fromEntries(Object.entries(draft.values).map(([k, v]) => [k, typeof v === "object" ? renderFieldRule(locale, v) : v]));
  const refs = refsOf(draft.values);
  return { code, severity, path: draft.path, message: t(`${code}.message`, values), fix: t(`${code}.fix`, values), ...(refs ? { refs } : {}) };
}
