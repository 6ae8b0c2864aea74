import "server-only";
import { requirePermission, type Actor } from "../actor";
import { mapLimit } from "../async/pool";
import type { InventoryDeps } from "../inventory/deps";
import { fetchRoleFacts } from "../inventory/facts";
import { fetchAccountId, fetchRoles } from "../inventory/fetch";
import { explainTrust, type TrustVerdict } from "../readiness/trust";
import { sameRole } from "../policy/role-identity";
import { PAI_DEFAULT_ROLE } from "../service-config";
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
}

const FAN_OUT = 8;

/** Every role Method 2 could use, with whether EAS can assume it and which needs its policies cover. */
export async function listCandidateRoles(deps: InventoryDeps, actor: Actor, needs: Needs): Promise<CandidateRole[]> {
  requirePermission(actor, "wizard:generate");
  const [roles, accountId] = await Promise.all([fetchRoles(deps), fetchAccountId(deps)]);
  const checks = needChecks(needs, accountId);
  const rows = await mapLimit(
    roles.filter((r) => !sameRole(r.roleName, PAI_DEFAULT_ROLE)),
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
      };
    },
  );
  // Roles EAS can assume and that cover the most needs come first.
  const score = (c: CandidateRole) => (c.trust.allowed ? 1000 : 0) + c.coverage.filter((n) => n.state === "covered").length;
  return rows.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
}
