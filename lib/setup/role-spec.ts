import "server-only";
import { CloudError } from "../cloud/types";
import type { InventoryDeps } from "../inventory/deps";
import { fetchAccountId, fetchPolicy, fetchRole } from "../inventory/fetch";
import { checkPattern, MAX_DESCRIPTION, type FieldIssue } from "../wizard/rules";
import { customPolicyName, easTrustPolicy, leastPrivilegePolicy, policyTooLong, systemPoliciesFor } from "../wizard/policies";
import { needChecks } from "../wizard/checks";
import { validateNeeds } from "../wizard/needs";
import { createRolePlan, sameDocument, type RoleSpec } from "./create-role-plan";
import type { RoleRequest } from "./input";
import { invalidSetup } from "./rule-text";

const missing = (err: unknown) => err instanceof CloudError && err.code.startsWith("EntityNotExist");

/** May the plan use this name? Free, or holding exactly what the plan would make (a resumed setup). */
async function nameIssues(deps: InventoryDeps, spec: RoleSpec): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const role = await fetchRole(deps, spec.roleName);
  if (role.role && !sameDocument(role.role.assumeRolePolicyDocument, JSON.stringify(spec.trust), "trust")) issues.push({ field: "roleName", rule: "roleTaken" });
  if (spec.custom) {
    const existing = await fetchPolicy(deps, spec.custom.name, "Custom").catch((e: unknown) => (missing(e) ? undefined : Promise.reject(e)));
    if (existing && !sameDocument(existing.policyDocument, JSON.stringify(spec.custom.document), "permission")) issues.push({ field: "roleName", rule: "policyTaken" });
  }
  for (const name of spec.systemPolicies) {
    const found = await fetchPolicy(deps, name, "System").then(() => true, (e: unknown) => (missing(e) ? false : Promise.reject(e)));
    if (!found) issues.push({ field: `policies.${name}`, rule: "systemPolicyMissing" });
  }
  return issues;
}

/**
 * The role Method 2 would create for these needs, checked against RAM's rules and the account
 * before anything is previewed: bad input names its field and rule, and nothing is written.
 */
export async function buildRolePlan(deps: InventoryDeps, req: RoleRequest) {
  const shape = [
    ...validateNeeds(req.needs, deps.cloud.eas.regions).map((i) => ({ ...i, field: `needs.${i.field}` })),
    ...checkPattern("roleName", req.roleName, "roleName"),
    ...(req.description.length > MAX_DESCRIPTION ? [{ field: "description", rule: "descriptionLength" as const }] : []),
  ];
  if (shape.length > 0) throw invalidSetup(shape);
  const accountId = await fetchAccountId(deps);
  const checks = needChecks(req.needs, accountId);
  const document = req.policyMode === "custom" ? leastPrivilegePolicy(checks) : null;
  if (document && policyTooLong(document)) throw invalidSetup([{ field: "policyMode", rule: "policyTooLong" }]);
  const spec: RoleSpec = {
    roleName: req.roleName,
    description: req.description,
    trust: easTrustPolicy(),
    systemPolicies: req.policyMode === "system" ? systemPoliciesFor(req.needs) : [],
    ...(document ? { custom: { name: customPolicyName(req.roleName), document } } : {}),
  };
  const taken = await nameIssues(deps, spec);
  if (taken.length > 0) throw invalidSetup(taken);
  return { accountId, spec, plan: createRolePlan(spec) };
}
