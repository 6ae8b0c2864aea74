import { z } from "zod";
import { EAS_SERVICE_PRINCIPAL, canAssume, lintPolicy, parseArn, parsePolicy, trustedPrincipals, type TrustedPrincipal } from "../policy";
import type { LintFinding, PolicyDocument, PolicyError } from "../policy/types";
import { mapLimit } from "../async/pool";
import { CloudError, type AttachedPolicy, type CloudErrorShape, type Policy, type Role } from "../cloud/types";
import { analyseService } from "../readiness/use";
import type { InventoryDeps } from "./deps";
import { requirePermission, type Actor } from "../actor";
import { fetchPolicy, fetchRegionServices, fetchRole, fetchRolePolicies, type RoleLookup } from "./fetch";
import { fetchAllUserPolicies } from "./principal-policies";
import { passersByRole, servicesByRole } from "./role-index";
import type { ServiceRef } from "./types";

// One role, everything the detail page shows: the role, its trust (parsed, linted, who it
// trusts), each attached policy's document with its lint findings, and who uses and passes it.

const FAN_OUT = 8;

/** A RAM role name as RAM accepts it: 1–64 letters, digits, dots and hyphens. */
export const roleNameSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9.-]+$/, "roleNameChars");

interface PolicyView {
  name: string;
  type: "System" | "Custom";
  description: string;
  defaultVersion: string;
  attachDate: string;
  /** The document exactly as RAM returned it. */
  raw: string;
  document?: PolicyDocument;
  parseErrors: PolicyError[];
  lint: LintFinding[];
}

export interface RoleDetail {
  role: Omit<Role, "assumeRolePolicyDocument">;
  accountId?: string;
  trust: {
    raw: string;
    document?: PolicyDocument;
    parseErrors: PolicyError[];
    principals: TrustedPrincipal[];
    easCanAssume: boolean;
    lint: LintFinding[];
  };
  policies: PolicyView[];
  usage: { services: ServiceRef[]; passers: string[]; passersVia: Record<string, string>; error?: CloudErrorShape };
  fetchedAt: number;
}

function policyView(attached: AttachedPolicy, policy: Policy): PolicyView {
  const parsed = parsePolicy(policy.policyDocument, { kind: "permission" });
  return {
    name: attached.policyName,
    type: attached.policyType,
    description: policy.description || attached.description,
    defaultVersion: policy.defaultVersion,
    attachDate: attached.attachDate,
    raw: policy.policyDocument,
    document: parsed.ok ? parsed.policy : undefined,
    parseErrors: parsed.errors,
    lint: lintPolicy(policy.policyDocument, { kind: "permission" }),
  };
}

async function loadUsage(deps: InventoryDeps, role: Role, accountId: string | undefined): Promise<RoleDetail["usage"]> {
  try {
    const account = accountId ?? "";
    const [services, users] = await Promise.all([
      Promise.all(deps.cloud.eas.regions.map((r) => fetchRegionServices(deps, r))),
      fetchAllUserPolicies(deps),
    ]);
    const used = servicesByRole(
      services.flat().map((s) => ({ region: s.region, name: s.serviceName, roleName: analyseService(s.serviceConfig, account, s.region).roleName })),
    ).get(role.roleName) ?? [];
    const passers = passersByRole([{ name: role.roleName, arn: role.arn }], users, account).get(role.roleName);
    return { services: used, passers: passers?.names ?? [], passersVia: passers?.via ?? {} };
  } catch (err) {
    if (err instanceof CloudError) return { services: [], passers: [], passersVia: {}, error: err.toJSON() };
    throw err;
  }
}

/** The role, or RAM's own answer (code and RequestId) when it has none: one cached GetRole, shared with the detail. */
export async function lookupRole(deps: InventoryDeps, actor: Actor, name: string): Promise<RoleLookup> {
  requirePermission(actor, "inventory:read");
  return fetchRole(deps, name);
}

/** Throws the cloud's CloudError when the role cannot be read (EntityNotExist.Role included). */
export async function loadRoleDetail(deps: InventoryDeps, actor: Actor, name: string): Promise<RoleDetail> {
  requirePermission(actor, "inventory:read");
  const fetchedAt = Date.now();
  // For a role that does not exist both calls answer EntityNotExist.Role; either carries RAM's RequestId.
  const [lookup, attached] = await Promise.all([fetchRole(deps, name), fetchRolePolicies(deps, name)]);
  if (!lookup.role) throw new CloudError(lookup.missing);
  const role = lookup.role;
  const accountId = parseArn(role.arn)?.account;
  const [docs, usage] = await Promise.all([
    mapLimit(attached, FAN_OUT, (p) => fetchPolicy(deps, p.policyName, p.policyType)),
    loadUsage(deps, role, accountId),
  ]);
  const parsed = parsePolicy(role.assumeRolePolicyDocument, { kind: "trust" });
  const trustDoc = parsed.ok ? parsed.policy : undefined;
  const { assumeRolePolicyDocument, ...summary } = role;
  return {
    role: summary,
    accountId,
    trust: {
      raw: assumeRolePolicyDocument,
      document: trustDoc,
      parseErrors: parsed.errors,
      principals: trustDoc ? trustedPrincipals(trustDoc) : [],
      easCanAssume: trustDoc ? canAssume(trustDoc, { type: "Service", service: EAS_SERVICE_PRINCIPAL }).decision === "Allow" : false,
      lint: lintPolicy(assumeRolePolicyDocument, { kind: "trust", usedByEas: usage.services.length > 0 }),
    },
    policies: attached.map((a, i) => policyView(a, docs[i])),
    usage,
    fetchedAt,
  };
}
