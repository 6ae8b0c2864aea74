import "server-only";
import type { Locale } from "@/i18n/config";
import { evaluate, parsePolicy } from "../policy";
import type { Statement } from "../policy/types";
import { CloudError, type DecodedDiagnostic, type RamGateway } from "../cloud/types";
import { AppError } from "../errors/app-error";
import { renderKey, rule } from "../errors/render";
import { mapLimit } from "../async/pool";
import { previewPlan, type PlanPreview } from "../writes/plan";
import { decodeMessage } from "./decode";
import { explain, smallestFix, type DenyingPolicy, type Explanation, type Fix } from "./explain";
import { extractDiagnosticMessage } from "./extract";
import { grantPlan } from "./plan";
import { reasonText, whyDeniedHref } from "./words";

interface DenyingStatements {
  policy: string;
  version?: string;
  /** The statements of the policy's version that deny this action on this resource. */
  statements: Statement[];
  /** The cloud's code when the console could not read the policy. */
  unreadable?: string;
}

export interface WhyDenied {
  message: string;
  decoded: DecodedDiagnostic;
  explanation: Explanation & { text: string };
  fix: Fix & { text: string; denying?: DenyingStatements[]; preview?: PlanPreview };
  /** This page with the message in its address, to send to someone else. */
  share: string;
}

/** The message in `text`, or a refusal naming `text` and the rule. */
export function messageIn(text: string): string {
  const message = extractDiagnosticMessage(text);
  if (!message) throw AppError.invalid({ text: rule("diagnosticMessage") });
  return message;
}

/** RAM's decoding of the message; RAM's refusals of it are answered as the field's rule. */
export async function decodeOrRefuse(ram: RamGateway, message: string): Promise<DecodedDiagnostic> {
  const outcome = await decodeMessage(ram, message);
  if (outcome.ok) return outcome.decoded;
  if (outcome.reason === "other-account") throw AppError.invalid({ text: rule("diagnosticOtherAccount") });
  if (outcome.reason === "invalid") throw AppError.invalid({ text: rule("diagnosticUnreadable") });
  // The console's own refusal (or RAM's failure): its code and RequestId as any failed call's.
  throw new CloudError({ code: outcome.cloud.code, message: outcome.cloud.code, requestId: outcome.cloud.requestId, httpStatus: outcome.reason === "console-denied" ? 403 : 503, operation: "DecodeDiagnosticMessage" });
}

/** The denying statements of each policy, read from its version (a few policies, a few at a time). */
async function denyingStatements(ram: RamGateway, e: Explanation, policies: DenyingPolicy[]): Promise<DenyingStatements[]> {
  return mapLimit(policies, 4, async (p): Promise<DenyingStatements> => {
    const type = p.type === "System" ? "System" : "Custom";
    try {
      const version = p.version ?? (await ram.getPolicy(p.name, type)).defaultVersion;
      const doc = parsePolicy((await ram.getPolicyVersion(p.name, type, version)).policyDocument);
      if (!doc.ok) return { policy: p.name, version, statements: [] };
      const result = evaluate({ action: e.action, resource: e.resource, context: {} }, [{ name: p.name, document: doc.policy }]);
      const denying = result.matched.filter((m) => m.effect === "Deny").map((m) => doc.policy.Statement[m.statementIndex]);
      // A deny that holds only under conditions evaluate() cannot see here is still shown whole.
      return { policy: p.name, version, statements: denying.length > 0 ? denying : doc.policy.Statement.filter((s) => s.Effect === "Deny") };
    } catch (err) {
      if (!(err instanceof CloudError)) throw err;
      return { policy: p.name, ...(p.version ? { version: p.version } : {}), statements: [], unreadable: err.code };
    }
  });
}

function fixText(locale: Locale, fix: Fix): string {
  switch (fix.kind) {
    case "grant":
      return renderKey(locale, "denials.fix.grant", { policy: fix.policyName, target: fix.attachTo.type, name: fix.attachTo.name });
    case "explicit-deny":
      return renderKey(locale, "denials.fix.explicitDeny");
    case "trust":
      return renderKey(locale, "denials.fix.trust", { role: fix.role });
    case "session":
      return renderKey(locale, "denials.fix.session");
    case "elsewhere":
      return renderKey(locale, fix.where === "control" ? "denials.fix.control" : "denials.fix.resourceGroup");
    case "none":
      return renderKey(locale, "denials.fix.none");
  }
}

/** `POST /api/why-denied`: the decoded fields, the explanation, and the smallest fix. */
export async function whyDenied(ram: RamGateway, text: string, locale: Locale): Promise<WhyDenied> {
  const message = messageIn(text);
  const decoded = await decodeOrRefuse(ram, message);
  const e = explain(decoded);
  const fix = smallestFix(e);
  const denying = fix.kind === "explicit-deny" ? await denyingStatements(ram, e, fix.policies) : undefined;
  return {
    message,
    decoded,
    explanation: { ...e, text: reasonText(locale, e) },
    fix: {
      ...fix,
      text: fixText(locale, fix),
      ...(denying ? { denying } : {}),
      ...(fix.kind === "grant" ? { preview: previewPlan(grantPlan(fix)) } : {}),
    },
    share: whyDeniedHref(message),
  };
}
