import { canAssume, EAS_SERVICE_PRINCIPAL, parsePolicy, type PolicyDocument, type Statement } from "../policy";

// Why a trust policy does or does not let eas.pai.aliyuncs.com assume the role, decided by
// lib/policy's evaluator: an explicit Deny, a condition EAS's request does not meet, an Action
// that is not sts:AssumeRole, or no statement naming EAS at all.

export type TrustReason = "deny" | "condition" | "action" | "principal" | "unreadable";

export type TrustVerdict = { allowed: true } | { allowed: false; reason: TrustReason; statement?: number; detail?: string };

const EAS = { type: "Service", service: EAS_SERVICE_PRINCIPAL } as const;
const allows = (s: Statement) => canAssume({ Version: "1", Statement: [s] } as PolicyDocument, EAS).decision === "Allow";

export function explainTrust(document: string): TrustVerdict {
  const parsed = parsePolicy(document, { kind: "trust" });
  if (!parsed.ok) return { allowed: false, reason: "unreadable", detail: parsed.errors.map((e) => e.message).join("; ") };
  const trust = parsed.policy;
  const result = canAssume(trust, EAS);
  if (result.decision === "Allow") return { allowed: true };
  if (result.decision === "ExplicitDeny") return { allowed: false, reason: "deny", statement: result.matched[0]?.statementIndex };
  for (const [i, s] of trust.Statement.entries()) {
    if (s.Effect !== "Allow") continue;
    const bare: Statement = { ...s, Condition: undefined };
    if (!allows({ ...bare, Action: ["sts:AssumeRole"], NotAction: undefined })) continue;
    if (!allows(bare)) return { allowed: false, reason: "action", statement: i };
    return { allowed: false, reason: "condition", statement: i, detail: Object.values(s.Condition ?? {}).flatMap((keys) => Object.keys(keys)).join(", ") };
  }
  return { allowed: false, reason: "principal" };
}
