/** Reads a string list from a document that may have been built by hand: a bare string counts as one. */
export function asList(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
