import { z } from "zod";
import { evaluate } from "../policy/evaluate";
import { roleKey } from "../policy/role-identity";
import type { AccessGraph } from "./graph";
import { pathsToRole } from "./paths";
import { actionSchema, resourceSchema } from "./schemas";
import type { AccessPath, PrincipalRef } from "./types";

// Access checks for CI (`npm run access-check`): what a principal may do, and who must never act
// as a role. Pure: the script loads the account and hands the graph in.

/** `user:alice`, `role:ops`, or `{"type": "user", "name": "alice"}`. */
const principalSchema = z.union([
  z.string().regex(/^(user|role):[A-Za-z0-9._@-]{1,64}$/, "principalRef").transform((s): PrincipalRef => ({ type: s.slice(0, 4) as PrincipalRef["type"], name: s.slice(5) })),
  z.object({ type: z.enum(["user", "role"]), name: z.string().min(1).max(64) }).strict(),
]);

const decisionCheck = z.object({ principal: principalSchema, action: actionSchema, resource: resourceSchema, expect: z.enum(["Allow", "Deny"]) }).strict();
const reachCheck = z.object({ role: z.string().min(1).max(64).regex(/^[A-Za-z0-9.-]+$/, "roleNameChars"), mustNotBeReachableBy: z.array(principalSchema).min(1) }).strict();

type AccessCheck = z.infer<typeof decisionCheck> | z.infer<typeof reachCheck>;

/**
 * The checks of a file, or each problem as `[field, issue]` (`checks[2].expect`). A check is read
 * as a reachability check when it names `role` or `mustNotBeReachableBy`, else as a decision check,
 * so that a mistake is reported on the field that is wrong rather than on the whole check.
 */
export function parseChecks(raw: unknown): { checks: AccessCheck[] } | { problems: [string, z.core.$ZodIssue][] } {
  if (!Array.isArray(raw) || raw.length === 0) {
    const issue = z.array(z.unknown()).min(1).safeParse(raw).error?.issues[0];
    return { problems: [["checks", issue!]] };
  }
  const problems: [string, z.core.$ZodIssue][] = [];
  const checks: AccessCheck[] = [];
  raw.forEach((item, i) => {
    const reach = typeof item === "object" && item !== null && ("role" in item || "mustNotBeReachableBy" in item);
    const parsed = (reach ? reachCheck : decisionCheck).safeParse(item);
    if (parsed.success) checks.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push([[`checks[${i}]`, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/\.\[/g, "["), issue]);
  });
  return problems.length > 0 ? { problems } : { checks };
}

export type CheckResult =
  | { index: number; kind: "decision"; ok: boolean; principal: PrincipalRef; action: string; resource: string; expect: "Allow" | "Deny"; decision: string; unknownPrincipal?: true }
  | { index: number; kind: "reach"; ok: boolean; role: string; unknownRole?: true; violations: AccessPath[] };

const same = (a: PrincipalRef, b: PrincipalRef) => a.type === b.type && (a.type === "role" ? roleKey(a.name) === roleKey(b.name) : a.name === b.name);

export function runChecks(graph: AccessGraph, checks: AccessCheck[]): CheckResult[] {
  const context = { "acs:CurrentTime": graph.now.toISOString() };
  return checks.map((c, index): CheckResult => {
    if ("expect" in c) {
      const p = graph.principals.find((x) => same(x.ref, c.principal));
      // A principal the account does not hold can do nothing: a Deny holds, an Allow is violated.
      const decision = p ? evaluate({ principal: p.as, action: c.action, resource: c.resource, context }, p.policies).decision : "ImplicitDeny";
      const ok = (decision === "Allow") === (c.expect === "Allow");
      return { index, kind: "decision", ok, principal: c.principal, action: c.action, resource: c.resource, expect: c.expect, decision, ...(p ? {} : { unknownPrincipal: true as const }) };
    }
    if (!graph.roleIndex.has(roleKey(c.role))) return { index, kind: "reach", ok: true, role: c.role, unknownRole: true, violations: [] };
    const violations = pathsToRole(graph, c.role).filter((path) => c.mustNotBeReachableBy.some((p) => same(p, path.principal)));
    return { index, kind: "reach", ok: violations.length === 0, role: c.role, violations };
  });
}
