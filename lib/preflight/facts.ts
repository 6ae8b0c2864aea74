import { CloudError } from "../cloud/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import type { InventoryDeps } from "../inventory/deps";
import { fetchDefaultRoleFacts, fetchPassRoleFacts, fetchRoleFacts, type AccountRoleFacts, type Deployer, type PassRoleFacts } from "../inventory/facts";
import type { ServiceRoleUse } from "../readiness/use";
import { fetchAccountId, fetchPolicyDocuments, fetchUserPolicies } from "../inventory/fetch";
import { passRoleDecision } from "../inventory/role-index";
import { MAX_ELEMENT_CHARS } from "../policy/limits";
import type { ReadinessFacts } from "../readiness/facts";
import { analyseServiceConfig, type RoleMode, type ServiceRoleAnalysis } from "../service-config";
import { readConfig, type ConfigRead } from "./read-config";
import { readRoleArn, type RoleArnRead } from "./role-arn";
import { explainTrust, type TrustVerdict } from "../readiness/trust";

// Everything a preflight decides from, read once from the config and the account: what the
// document says (its own rules), and the readiness facts the readiness rules decide from, the
// same rules a diagnosis asks of a deployed service.

export interface PreflightInput {
  config: unknown;
  region: string;
  /** The RAM user who will deploy; absent when the account itself deploys. */
  deployer?: string;
}

export interface PreflightFacts {
  region: string;
  read: ConfigRead;
  method: RoleMode;
  accountId?: string;
  arn?: RoleArnRead;
  analysis?: ServiceRoleAnalysis;
  role?: AccountRoleFacts;
  /** Why EAS may not assume the role, for the finding's words. */
  trust?: TrustVerdict;
  defaultRole?: { exists: boolean; arn?: string };
  /** For the readiness rules: absent while the document's own rules fail (no config, several role ARNs, a malformed one). */
  readiness?: ReadinessFacts;
}

/** What a preflight reads from the account; `accountReader(deps)` reads it through the console's cache. */
export interface AccountReader {
  accountId(): Promise<string>;
  role(name: string): Promise<AccountRoleFacts>;
  defaultRole(): Promise<AccountRoleFacts>;
  passRole(userName: string, roleArn: string): Promise<PassRoleFacts>;
}

export function accountReader(deps: InventoryDeps): AccountReader {
  return {
    accountId: () => fetchAccountId(deps),
    role: (name) => fetchRoleFacts(deps, name),
    defaultRole: () => fetchDefaultRoleFacts(deps),
    passRole: (userName, roleArn) => passRoleOf(deps, userName, roleArn),
  };
}

async function passRoleOf(deps: InventoryDeps, userName: string, roleArn: string): Promise<PassRoleFacts> {
  try {
    return await fetchPassRoleFacts(deps, userName, roleArn);
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    if (err.code === "EntityNotExist.User") throw AppError.invalid({ deployer: rule("deployerMissing") });
    // An endpoint without RAM's group operations has no groups: decide on the user's own policies.
    if (err.code !== "InvalidAction.NotFound") throw err;
    const own = await fetchPolicyDocuments(deps, await fetchUserPolicies(deps, userName));
    const decision = passRoleDecision({ userName, policies: own, fromGroup: {} }, roleArn, /^acs:ram::(\d+):/.exec(roleArn)?.[1] ?? "");
    return { needed: true, allowed: decision.decision === "Allow", decision };
  }
}

export async function gatherPreflightFacts(account: AccountReader, input: PreflightInput): Promise<PreflightFacts> {
  const read = readConfig(input.config);
  const facts: PreflightFacts = { region: input.region, read, method: "none" };
  if (read.kind !== "ok") return facts;
  const accountId = await account.accountId();
  const arn = readRoleArn(read.roleRefs);
  const config = arn.kind === "one" ? { ...read.config, role_arn: arn.arn } : read.config;
  const analysis = analyseServiceConfig(config, accountId, { region: input.region });
  const tooLong = analysis.needs.find((n) => n.checks.some((c) => c.resource.length > MAX_ELEMENT_CHARS));
  if (tooLong) throw AppError.invalid({ [`config.${tooLong.path}`]: rule("resourceTooLong", { max: MAX_ELEMENT_CHARS }) });
  Object.assign(facts, {
    accountId,
    arn,
    analysis,
    method: arn.kind === "none" ? analysis.roleMode : "custom",
  });
  if (arn.kind === "multiple" || arn.kind === "malformed") return facts;
  const use: ServiceRoleUse = {
    roleMode: analysis.roleMode,
    config,
    roleArn: analysis.roleArn,
    roleName: analysis.roleName,
    workspaceId: analysis.workspaceId,
    workspaceMissing: analysis.needs.some((n) => n.kind === "workspace-id" && n.satisfied === false),
    needs: analysis.needs,
    warnings: analysis.warnings,
  };
  const deployer: Deployer = input.deployer ? { kind: "user", uid: "", userName: input.deployer } : { kind: "account", uid: accountId };
  const readiness: ReadinessFacts = { accountId, region: input.region, use, config, deployer };
  facts.readiness = readiness;
  if (facts.method === "default") {
    const def = await account.defaultRole();
    facts.defaultRole = { exists: def.exists, arn: def.role?.arn };
    readiness.role = def;
  }
  if (arn.kind !== "one" || arn.account !== accountId) return facts;
  const role = await account.role(arn.roleName);
  facts.role = role;
  readiness.role = role;
  if (!role.exists || !role.role) return facts;
  facts.trust = explainTrust(role.role.assumeRolePolicyDocument);
  if (input.deployer) readiness.passRole = await account.passRole(input.deployer, role.role.arn);
  return facts;
}
