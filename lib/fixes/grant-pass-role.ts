import "server-only";
import { grantDocumentText, grantPolicyName, planGrant } from "../approvals/plans";
import { expiryFor, type BoundedDuration } from "../request-workflow";
import type { WritePlan } from "../writes/plan";
import { titled, type FixPlan } from "./catalog";
import { pretty, serviceTarget, type FixContext } from "./context";

/** The shortest a grant lasts: a fix unblocks one deployment; longer is for the engineer to ask. */
export const DEFAULT_FIX_DURATION: BoundedDuration = "1d";

/** A request has its id once it is filed; until then the description RAM keeps names it so. */
const NEW_REQUEST = "<new request>";

/**
 * Lets the deploying RAM user pass the role to EAS the way every PassRole grant of the console
 * is made: applying it files a PassRole request for the user and role, approved by the admin
 * (lib/approvals/file-approved-request.ts), and runs that request's grant. The plan shown is the
 * request's own (planGrant): its per-user policy, `ram:PassRole` on exactly the role's ARN until
 * the expiry, attached to the user; /approvals lists it, the sweeper expires it, Revoke removes it.
 */
export function grantPassRole(ctx: FixContext, userName: string, roleName: string, roleArn: string, terms: { duration: BoundedDuration; now: Date }): FixPlan {
  const policyName = grantPolicyName(userName, roleName);
  const expiresAt = expiryFor(terms.duration, terms.now)!;
  const base = {
    action: "fix.grant_passrole",
    target: serviceTarget(ctx),
    ...titled("fix.grant-passrole", { user: userName, role: roleName, duration: terms.duration }),
  };
  const stepsFrom = (end: Date): WritePlan["steps"] => {
    const document = grantDocumentText(roleName, ctx.facts.accountId, end);
    return planGrant({ id: NEW_REQUEST, roleName, ramUser: userName, policyName, policyDocument: document }).steps.map((s) => (s.id === "create-policy" ? { ...s, change: { before: "", after: pretty(document) } } : s));
  };
  return {
    ...base,
    steps: stepsFrom(expiresAt),
    // The expiry is counted from the apply: the token holds the duration, not the minute of the preview.
    signed: { ...base, steps: stepsFrom(expiryFor(terms.duration, new Date(0))!) },
    grant: { ramUser: userName, roleName, roleArn, policyName, duration: terms.duration, expiresAt: expiresAt.toISOString() },
  };
}
