import { canonicalStatement } from "./parse-statement";
import type { PolicyDocument } from "./types";

function canonical(p: PolicyDocument): PolicyDocument {
  return { Version: p.Version, Statement: p.Statement.map(canonicalStatement) };
}

/** Canonical JSON: fixed element order, arrays everywhere. `parsePolicy(serializePolicy(p))` gives `p` back. */
export function serializePolicy(p: PolicyDocument, opts?: { pretty?: boolean }): string {
  return JSON.stringify(canonical(p), null, opts?.pretty ? 2 : undefined);
}
