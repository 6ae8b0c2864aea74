import "server-only";
import { requirePermission, type Actor } from "../actor";
import { mapLimit } from "../async/pool";
import type { InventoryDeps } from "../inventory/deps";
import { fetchRoleFacts } from "../inventory/facts";
import { fetchAccountId, fetchRoles } from "../inventory/fetch";
import { passHow, type PassHow } from "../inventory/pass-how";
import { fetchUserPolicySet } from "../inventory/principal-policies";
import { explainTrust, type TrustVerdict } from "../readiness/trust";
import { isServiceLinkedRole } from "../service-config";
import { roleBreadth, type Breadth } from "../wizard/breadth";
import { coverNeeds, needChecks, type NeedCoverage } from "../wizard/checks";
import type { Needs } from "../wizard/needs";

export interface CandidateRole {
  name: string;
  arn: string;
  description: string;
  trust: TrustVerdict;
  policies: { name: string; type: "System" | "Custom" }[];
  /** Each need: covered by the role's policies, a gap (the first refused check), or unchecked. */
  coverage: NeedCoverage[];
  /** The deployer's ram:PassRole on the role: how they may pass it, or null when they must ask; absent when the account itself deploys. */
  pass?: { how: PassHow | null };
  /** Full-access policies and `*` actions: far more than any need asks. */
  breadth: Breadth | null;
}

const FAN_OUT = 8;

/**
 * Every role Method 2 could use (service-linked roles never can), with whether EAS can assume it,
 * which needs its policies cover, how far beyond them it reaches, and whether `deployer` may pass it.
 */
export async function listCandidateRoles(deps: InventoryDeps, actor: Actor, needs: Needs, deployer?: string): Promise<CandidateRole[]> {
  requirePermission(actor, "wizard:generate");
  const [roles, accountId, user] = await Promise.all([fetchRoles(deps), fetchAccountId(deps), deployer ? fetchUserPolicySet(deps, deployer) : undefined]);
  const checks = needChecks(needs, accountId);
  const now = new Date();
  const rows = await mapLimit(
    roles.filter((r) => !isServiceLinkedRole(r.roleName)),
    FAN_OUT,
    async (r): Promise<CandidateRole> => {
      const facts = await fetchRoleFacts(deps, r.roleName);
      return {
        name: r.roleName,
        arn: r.arn,
        description: r.description ?? "",
        trust: facts.role ? explainTrust(facts.role.assumeRolePolicyDocument) : { allowed: false, reason: "unreadable" },
        policies: facts.attached.map((a) => ({ name: a.policyName, type: a.policyType })),
        coverage: coverNeeds(checks, facts.policies),
        ...(user ? { pass: { how: passHow(user, r.arn, accountId, now) } } : {}),
        breadth: roleBreadth(facts.policies),
      };
    },
  );
  // Roles EAS can assume and that cover the most needs come first.
  const score = (c: CandidateRole) => (c.trust.allowed ? 1000 : 0) + c.coverage.filter((n) => n.state === "covered").length;
  return rows.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
}
