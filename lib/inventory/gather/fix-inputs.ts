import "server-only";
import { sameRole } from "../../policy/role-identity";
import { parseServiceConfig } from "../../service-config";
import { checkNeeds } from "../../service-config/check";
import type { InventoryDeps } from "../deps";
import { fetchPolicy, fetchRegionServices, fetchRoles, namedPolicy } from "../fetch";
import { COVER_POLICIES } from "../../readiness/checks-needs";
import { nearNames } from "../../readiness/near-names";
import type { CauseCode, DiagnosisFacts, FixInputs, RoleCandidate } from "../../diagnosis/types";
import type { FactSource } from "./fact-source";

// What only a single service's fixes need, read only for the cause diagnosed: roles near a
// missing one's name, the region's workspaces, the system policies that may cover a need.

/** Looked at closely (GetRole and policies each); the best few of them are offered. */
const CANDIDATES_READ = 6;

async function candidates(deps: InventoryDeps, src: FactSource, facts: DiagnosisFacts): Promise<RoleCandidate[]> {
  const missing = facts.use.roleName ?? facts.use.roleArn ?? "";
  const names = (await fetchRoles(deps)).map((r) => r.roleName).filter((n) => !n.startsWith("AliyunServiceRole") && !sameRole(n, facts.use.roleName));
  const near = nearNames(missing, names, CANDIDATES_READ);
  const read = await Promise.all(near.map((n) => src.role(n)));
  const out: RoleCandidate[] = [];
  for (const r of read) {
    if (!r.exists || !r.easCanAssume || !r.role) continue;
    const coversNeeds = checkNeeds(facts.use.needs.filter((n) => n.checks.length > 0), r.policies).every((x) => x.allowed);
    const d = facts.deployer;
    const deployerMayPass = d?.kind === "user" ? (await src.passRole(d.userName, r.role.arn)).allowed : d?.kind !== "unknown";
    out.push({ name: r.name, arn: r.role.arn, coversNeeds, deployerMayPass });
  }
  return out;
}

/** The metadata.workspace_id values (or the workspace EAS reports) of a region's services. */
export async function regionWorkspaces(deps: InventoryDeps, region: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const s of await fetchRegionServices(deps, region)) {
    const parsed = parseServiceConfig(s.serviceConfig);
    const ws = parsed.ok ? parsed.config.metadata?.workspace_id : undefined;
    if (ws) ids.add(ws);
    else if (s.workspaceId) ids.add(s.workspaceId);
  }
  return [...ids].sort();
}

async function coverPolicies(deps: InventoryDeps) {
  const docs = await Promise.all(COVER_POLICIES.map((name) => fetchPolicy(deps, name, "System").catch(() => undefined)));
  return docs.flatMap((p) => {
    const named = p && namedPolicy(p);
    return named ? [named] : [];
  });
}

export async function gatherFixInputs(deps: InventoryDeps, src: FactSource, facts: DiagnosisFacts, code: CauseCode): Promise<FixInputs> {
  const [c, w, p] = await Promise.all([
    code === "ROLE_NOT_FOUND" ? candidates(deps, src, facts) : [],
    code === "WORKSPACE_ID_MISSING" ? regionWorkspaces(deps, facts.region) : [],
    code === "MOUNT_DENIED" || code === "IMAGE_PULL_DENIED" ? coverPolicies(deps) : [],
  ]);
  return { candidates: c, workspaces: w, coverPolicies: p };
}
