import { CloudError } from "../cloud/types";
import { AppError } from "../errors/app-error";
import { rule } from "../errors/render";
import type { InventoryDeps } from "../inventory/deps";
import { fetchDefaultRoleFacts, fetchPassRoleFacts, fetchRoleFacts, type AccountRoleFacts, type PassRoleFacts } from "../inventory/facts";
import { fetchAccountId, fetchPolicyDocuments, fetchUserPolicies } from "../inventory/fetch";
import { passRoleDecision } from "../inventory/role-index";
import { analyseServiceConfig, checkNeeds, type NeedResult, type RoleMode, type ServiceRoleAnalysis } from "../service-config";
import { ossLocations, readConfig, type ConfigRead } from "./read-config";
import { readRoleArn, type RoleArnRead } from "./role-arn";
import { explainTrust, type TrustVerdict } from "./trust";

// Everything a preflight decides from, read once from the config and the account. The rule
// table is pure over these facts, so diagnoses of a deployed service can reuse them.

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
  /** The config names an OSS location (a mount, model_path, …). */
  ossInUse: boolean;
  role?: AccountRoleFacts;
  trust?: TrustVerdict;
  /** The role's policies against what the platform mounts and pulls with it. */
  needs: NeedResult[];
  defaultRole?: { exists: boolean; arn?: string };
  deployer?: { userName: string; passRole: PassRoleFacts };
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
  const facts: PreflightFacts = { region: input.region, read, method: "none", ossInUse: false, needs: [] };
  if (read.kind !== "ok") return facts;
  const accountId = await account.accountId();
  const arn = readRoleArn(read.roleRefs);
  const config = arn.kind === "one" ? { ...read.config, role_arn: arn.arn } : read.config;
  const analysis = analyseServiceConfig(config, accountId, { region: input.region });
  Object.assign(facts, {
    accountId,
    arn,
    analysis,
    method: arn.kind === "none" ? analysis.roleMode : "custom",
    ossInUse: analysis.needs.some((n) => n.kind === "oss-mount") || ossLocations(read.raw).length > 0,
  });
  if (facts.method === "default") {
    const def = await account.defaultRole();
    facts.defaultRole = { exists: def.exists, arn: def.role?.arn };
  }
  if (arn.kind !== "one" || arn.account !== accountId) return facts;
  const role = await account.role(arn.roleName);
  facts.role = role;
  if (!role.exists || !role.role) return facts;
  facts.trust = explainTrust(role.role.assumeRolePolicyDocument);
  facts.needs = checkNeeds(analysis.needs.filter((n) => n.checks.length > 0), role.policies);
  if (input.deployer) facts.deployer = { userName: input.deployer, passRole: await account.passRole(input.deployer, role.role.arn) };
  return facts;
}
