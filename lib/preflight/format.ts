import { createTranslator } from "use-intl/core";
import en from "../../messages/en/preflight.json";
import type { Draft, PreflightCode, Severity } from "./rules";

// Findings in words, from the catalog: the API, the page and the command line say the same thing.

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

export type PreflightMessages = typeof en;

export function formatFinding(code: PreflightCode, severity: Severity, draft: Draft, messages: PreflightMessages = en): Finding {
  // A message the catalog cannot format is a bug in the catalog: fail loudly, never send a key.
  const t = createTranslator({
    locale: "en",
    messages: { preflight: messages },
    namespace: "preflight.findings",
    onError: (e) => {
      throw e;
    },
  });
  return {
    code,
    severity,
    path: draft.path,
    message: t(`${code}.message`, draft.values),
    fix: t(`${code}.fix`, draft.values),
    ...(refsOf(draft.values) ? { refs: refsOf(draft.values) } : {}),
  };
}
