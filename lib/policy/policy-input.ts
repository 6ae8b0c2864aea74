import { parseLenient } from "./parse";
import type { PolicyDocument, Statement } from "./types";

/** A document, its JSON text, or nothing (a policy that does not exist yet). */
export type PolicyInput = PolicyDocument | string | null | undefined;

/**
 * Reads an input as a permission policy, else as a trust policy; undefined when it is neither.
 * Over-long documents are still read: a preview should show them, the write will refuse them.
 */
export function readInput(input: PolicyInput): PolicyDocument | undefined {
  if (input === null || input === undefined) return { Version: "1", Statement: [] };
  for (const kind of ["permission", "trust"] as const) {
    const r = parseLenient(input, kind);
    if (r.errors.every((e) => e.code === "Document.TooLong")) {
      return { Version: "1", Statement: r.statements.filter((s): s is Statement => s !== null) };
    }
  }
  return undefined;
}
