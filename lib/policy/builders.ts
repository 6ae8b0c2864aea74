import { roleArn } from "./arn";
import { POLICY_VERSION } from "./limits";
import { asList } from "./lists";
import type { PolicyDocument, Statement } from "./types";
import { actionMatches } from "./wildcard";

export const EAS_SERVICE_PRINCIPAL = "eas.pai.aliyuncs.com";

/** The trust policy a custom role needs before an EAS service can run with it. */
export function buildEasTrustPolicy(opts?: { alsoTrust?: string[] }): PolicyDocument {
  const services = [EAS_SERVICE_PRINCIPAL, ...(opts?.alsoTrust ?? []).filter((s) => s !== EAS_SERVICE_PRINCIPAL)];
  return {
    Version: POLICY_VERSION,
    Statement: [{ Effect: "Allow", Principal: { Service: [...new Set(services)] }, Action: ["sts:AssumeRole"] }],
  };
}

/**
 * What a RAM user needs to deploy an EAS service with a custom role (the seed's exact shape). The
 * Resource is the role's ARN as RAM writes it, name in lower case, since that is what RAM matches.
 */
export function buildPassRolePolicy(roleName: string, opts?: { expiresAt?: Date; accountId?: string }): PolicyDocument {
  const statement: Statement = {
    Effect: "Allow",
    Action: ["ram:PassRole"],
    Resource: [roleArn(opts?.accountId ?? "*", roleName)],
  };
  if (opts?.expiresAt) statement.Condition = { DateLessThan: { "acs:CurrentTime": [opts.expiresAt.toISOString()] } };
  return { Version: POLICY_VERSION, Statement: [statement] };
}

function isPlainAssumeRoleAllow(s: Statement): boolean {
  return (
    s.Effect === "Allow" &&
    s.Principal !== undefined &&
    s.Condition === undefined &&
    s.NotAction === undefined &&
    asList(s.Action).some((a) => actionMatches(a, "sts:AssumeRole"))
  );
}

/**
 * Trusts `service` too: appended to the first unconditional Allow sts:AssumeRole statement's
 * Principal.Service, leaving every other principal and statement as it was (the seed's FAQ
 * edit). Adds a statement when none fits. Never mutates `trust`.
 */
export function addServicePrincipal(trust: PolicyDocument, service: string): { policy: PolicyDocument; changed: boolean } {
  const statements = trust.Statement.map((s) => structuredClone(s));
  const already = statements.some(
    (s) => isPlainAssumeRoleAllow(s) && asList(s.Principal?.Service).some((v) => v.toLowerCase() === service.toLowerCase()),
  );
  if (already) return { policy: { Version: trust.Version, Statement: statements }, changed: false };
  const target = statements.find(isPlainAssumeRoleAllow);
  if (target?.Principal) target.Principal.Service = [...asList(target.Principal.Service), service];
  else statements.push({ Effect: "Allow", Principal: { Service: [service] }, Action: ["sts:AssumeRole"] });
  return { policy: { Version: trust.Version, Statement: statements }, changed: true };
}
