// STS 2015-04-01: AssumeRole and GetCallerIdentity.
import { canAssume, MAX_SESSION_POLICY_CHARS, parsePolicy, roleNameFromArn, parseArn } from "../../lib/policy";
import type { RequestContext } from "../../lib/policy/types";
import { decide, noPermission, principalOf, trustDecision } from "../core/authorize";
import { ApiError, type Caller } from "../core/contract";
import { keyOf } from "../ram/state";
import type { RamStore } from "../ram/store";
import { assumedRoleUser, issueCredentials } from "./issue";

export const NOT_AUTHORIZED_BY_RAM = "You are not authorized to do this action. You should be authorized by RAM.";

export interface StsCtx {
  store: RamStore;
  caller: Caller;
  now: Date;
  context: RequestContext;
}

type Params = Record<string, string | undefined>;
const invalid = (code: string, message: string) => new ApiError(400, code, message);

function assumeRole(p: Params, { store, caller, now, context }: StsCtx): Record<string, unknown> {
  const arn = p.RoleArn;
  if (!arn) throw new ApiError(400, "MissingRoleArn", "RoleArn is mandatory for this action.");
  const sessionName = p.RoleSessionName;
  if (!sessionName) throw new ApiError(400, "MissingRoleSessionName", "RoleSessionName is mandatory for this action.");
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(sessionName)) {
    throw invalid("InvalidParameter.RoleSessionName", "The parameter RoleSessionName must be 2 to 64 of letters, digits, and . @ - _.");
  }
  // STS answers only RAM identities: the account itself may not assume a role (STS FAQ, AssumeRole docs).
  if (caller.kind === "root") throw new ApiError(403, "NoPermission", NOT_AUTHORIZED_BY_RAM);
  const roleName = roleNameFromArn(arn);
  if (!roleName) throw invalid("InvalidParameter.RoleArn", `The parameter RoleArn is invalid: ${arn}.`);
  const role = parseArn(arn)?.account === store.accountId ? store.findRole(roleName) : undefined;
  if (!role) throw new ApiError(404, "EntityNotExist.Role", `The role not exists: ${arn}.`);

  const duration = p.DurationSeconds === undefined || p.DurationSeconds === "" ? 3600 : Number(p.DurationSeconds);
  if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
    throw invalid("InvalidParameter.DurationSeconds", `The DurationSeconds must be between 900 and ${role.maxSessionDuration}.`);
  }
  if (p.Policy !== undefined && p.Policy !== "") {
    if (p.Policy.length > MAX_SESSION_POLICY_CHARS) {
      throw invalid("InvalidParameter.PolicySize", `The size of the policy must be at most ${MAX_SESSION_POLICY_CHARS} characters.`);
    }
    const parsed = parsePolicy(p.Policy);
    if (!parsed.ok) throw invalid("InvalidParameter.PolicyGrammar", parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  }

  // The caller's own right to call sts:AssumeRole on this role (root always has it).
  const own = decide(store, caller, "sts:AssumeRole", role.arn, context);
  if (own.decision !== "Allow") throw noPermission(caller, "sts:AssumeRole", role.arn, own, NOT_AUTHORIZED_BY_RAM, context);
  const trust = canAssume(store.trustOf(role), principalOf(caller), context);
  if (trust.decision !== "Allow") {
    throw noPermission(caller, "sts:AssumeRole", role.arn, trustDecision(role.roleName, trust), NOT_AUTHORIZED_BY_RAM, context);
  }

  const creds = issueCredentials(store, role, sessionName, duration, now, p.Policy || undefined);
  return {
    Credentials: {
      AccessKeyId: creds.accessKeyId,
      AccessKeySecret: creds.accessKeySecret,
      SecurityToken: creds.securityToken,
      Expiration: creds.expiration,
    },
    AssumedRoleUser: assumedRoleUser(store, role, sessionName),
  };
}

function getCallerIdentity(_p: Params, { store, caller }: StsCtx): Record<string, unknown> {
  const AccountId = store.accountId;
  if (caller.kind === "root") {
    return { AccountId, Arn: `acs:ram::${AccountId}:root`, IdentityType: "Account", PrincipalId: AccountId, UserId: AccountId };
  }
  if (caller.kind === "user") {
    return {
      AccountId,
      Arn: `acs:ram::${AccountId}:user/${caller.userName}`,
      IdentityType: "RAMUser",
      PrincipalId: caller.userId,
      UserId: caller.userId,
    };
  }
  return {
    AccountId,
    // The role's name in lower case, as in the role's own ARN.
    Arn: `acs:ram::${AccountId}:assumed-role/${keyOf(caller.roleName)}/${caller.sessionName}`,
    IdentityType: "AssumedRoleUser",
    PrincipalId: `${caller.roleId}:${caller.sessionName}`,
    RoleId: caller.roleId,
  };
}

export const STS_OPERATIONS: Record<string, (p: Params, ctx: StsCtx) => Record<string, unknown>> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
