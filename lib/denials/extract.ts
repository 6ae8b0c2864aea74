// The EncodedDiagnosticMessage in whatever a person pastes: the message itself, a JSON error body,
// an SDK exception's text (often JSON inside a string, its quotes escaped) or a CLI's output.

const MESSAGE = "[A-Za-z0-9+/=_-]{16,}";
// `EncodedDiagnosticMessage` then `:` or `=`, with the quotes of JSON, escaped JSON, Python or YAML between.
const LABELLED = new RegExp(`EncodedDiagnosticMessage\\\\?["']?\\s*[:=]\\s*\\\\?["']?(${MESSAGE})`);
const BARE = new RegExp(`^${MESSAGE}$`);

export const MAX_PASTE_CHARS = 20_000;

export function extractDiagnosticMessage(text: string): string | undefined {
  const labelled = LABELLED.exec(text);
  if (labelled) return labelled[1];
  const bare = text.trim();
  return BARE.test(bare) ? bare : undefined;
}
