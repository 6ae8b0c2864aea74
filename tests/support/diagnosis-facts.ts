// Account facts for the diagnosis rules' unit tests, written here from the RAM and EAS docs: no
// cloud, and nothing taken from the emulator (its scenarios, roles or policies), so the rules are
// not tested against the very model the emulator decides deployments with.
import type { EventDraft } from "../../emulator/eas/event-messages";
import { analyseService } from "../../lib/readiness/use";
import type { AccountRoleFacts, Deployer, PassRoleFacts } from "../../lib/readiness/facts";
import { roleFacts } from "../../lib/readiness/trust";
import type { NamedPolicy, PolicyDocument } from "../../lib/policy/types";
import { parseServiceConfig } from "../../lib/service-config";
import type { DeployEvent, DiagnosisFacts, FixInputs } from "../../lib/diagnosis/types";

const UID = "1784200000000001";
export const HZ = "cn-hangzhou";
export const roleArnOf = (role: string) => `acs:ram::${UID}:role/${role}`;
const trust = (service: string) => JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: [service] } }] });
export const easTrust = trust("eas.pai.aliyuncs.com");
const ecsTrust = trust("ecs.aliyuncs.com");

const allowAll = (...Action: string[]): PolicyDocument => ({ Version: "1", Statement: [{ Effect: "Allow", Action, Resource: ["*"] }] });
/** The system policies' documents as RAM's policy reference shows them, cut to the actions that matter here. */
const SYSTEM: Record<string, PolicyDocument> = {
  AliyunOSSReadOnlyAccess: allowAll("oss:Get*", "oss:List*"),
  AliyunContainerRegistryReadOnlyAccess: allowAll("cr:Get*", "cr:List*", "cr:Pull*"),
  AliyunNASReadOnlyAccess: allowAll("nas:Describe*", "nas:List*"),
  AliyunServiceRolePolicyForPaiEas: allowAll("oss:GetObject", "oss:PutObject", "oss:ListObjects", "oss:GetBucketInfo", "oss:ListBuckets"),
};

export function systemPolicy(name: string): NamedPolicy {
  const document = SYSTEM[name];
  if (!document) throw new Error(`no system policy ${name}`);
  return { name, type: "System", document };
}

export function role(name: string, trust: string, policies: NamedPolicy[] = []): AccountRoleFacts {
  return {
    ...roleFacts(trust),
    name,
    role: { roleId: "300000000000000001", roleName: name, arn: roleArnOf(name), description: "", maxSessionDuration: 3600, createDate: "2026-01-01T00:00:00Z", assumeRolePolicyDocument: trust },
    attached: policies.map((p) => ({ policyName: p.name, policyType: p.type === "System" ? "System" : "Custom", description: "", defaultVersion: "v1", attachDate: "" })),
    policies,
  };
}

export function missingRole(name: string): AccountRoleFacts {
  return {
    name,
    exists: false,
    easCanAssume: false,
    principals: [],
    lintErrors: [],
    attached: [],
    policies: [],
    missing: { code: "EntityNotExist.Role", message: "The role does not exist.", requestId: "5E8A2A41-2D3B-4D6C-8E9F-0A1B2C3D4E5F" },
  };
}

/** The roles the tests deploy with. */
export const ROLES = {
  runner: () => role("scn-runner", easTrust, [systemPolicy("AliyunOSSReadOnlyAccess"), systemPolicy("AliyunContainerRegistryReadOnlyAccess")]),
  noCr: () => role("scn-no-cr", easTrust),
  ecsOnly: () => role("scn-ecs-only", ecsTrust),
  unpassable: () => role("scn-unpassable", easTrust),
  defaultRole: () => role("AliyunServiceRoleForPaiEas", easTrust, [systemPolicy("AliyunServiceRolePolicyForPaiEas")]),
};

export const BOB: Deployer = { kind: "user", uid: "203000000000000001", userName: "bob" };
const ACCOUNT: Deployer = { kind: "account", uid: UID };
export const passDenied: PassRoleFacts = { needed: true, allowed: false, decision: { decision: "ImplicitDeny", matched: [], missingContextKeys: [] } };
export const passAllowed: PassRoleFacts = { needed: true, allowed: true, decision: { decision: "Allow", matched: [{ policy: "PassRole-x", statementIndex: 0, effect: "Allow" }], missingContextKeys: [] } };

export const withRole = (name: string, roleName: string, extra: Record<string, unknown> = {}) => ({
  name,
  metadata: { instance: 2, cpu: 2, memory: 4000 },
  options: { enable_ram_role: true },
  role_arn: roleArnOf(roleName),
  containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310", port: 8000 }],
  ...extra,
});

/** Facts of a service with this config, the account's state given. */
export function facts(config: Record<string, unknown>, state: Partial<Omit<DiagnosisFacts, "fixInputs">> & { fixInputs?: Partial<FixInputs> } = {}): DiagnosisFacts {
  const json = JSON.stringify(config);
  const parsed = parseServiceConfig(json);
  const { fixInputs, ...rest } = state;
  return {
    accountId: UID,
    region: HZ,
    use: analyseService(json, UID, HZ),
    ...(parsed.ok ? { config: parsed.config } : {}),
    deployer: ACCOUNT,
    ...rest,
    ...(fixInputs ? { fixInputs: { candidates: [], workspaces: [], coverPolicies: [], ...fixInputs } } : {}),
  };
}

/** A service's Reason and Message as EAS sets them from the first event of a failure. */
export function serviceSaid(draft: EventDraft, reason = draft.reason): DeployEvent {
  return { type: draft.type, reason, message: draft.message };
}
