import type { ApiCallError } from "@/components/ui/fetch-json";
import { RAM_USER_MISSING, type UserField, type UserRule } from "@/lib/auth/user-rules";

/** A field's problem: a rule the page words itself, or the server's own rule text for one only the server can judge. */
export type FieldProblem = { rule: UserRule | "missing" } | { server: string };

/** The server's refusal by field, with the rules the page knows by name picked out. */
export function problemsFromServer(err: ApiCallError): Partial<Record<UserField | "_", FieldProblem>> {
  if (!err.fields) return { _: { server: err.message } };
  const out: Partial<Record<UserField | "_", FieldProblem>> = {};
  for (const [field, rule] of Object.entries(err.fields)) {
    const key = (["username", "displayName", "ramUserName", "password"] as const).find((f) => f === field) ?? "_";
    out[key] ??= key === "ramUserName" && rule === RAM_USER_MISSING ? { rule: "missing" } : { server: key === "_" ? `${field} ${rule}` : rule };
  }
  return out;
}
