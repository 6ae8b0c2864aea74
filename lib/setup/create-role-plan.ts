import "server-only";
import { CloudError, type Cloud } from "../cloud/types";
import { parsePolicy, type PolicyDocument } from "../policy";
import type { WritePlan } from "../writes/plan";

// Method 2's writes: create the role with its EAS trust, create the least-privilege policy when
// one was chosen, attach each policy. Every step knows when the account already holds what it
// makes, so a retry after a failure resumes where it stopped.

export interface RoleSpec {
  roleName: string;
  description: string;
  trust: PolicyDocument;
  systemPolicies: string[];
  custom?: { name: string; document: PolicyDocument };
}

/** Same document, whatever its spacing or single-value shorthand. */
export function sameDocument(a: string, b: string, kind: "trust" | "permission"): boolean {
  const pa = parsePolicy(a, { kind });
  const pb = parsePolicy(b, { kind });
  return pa.ok && pb.ok && JSON.stringify(pa.policy) === JSON.stringify(pb.policy);
}

const notFound = (err: unknown) => err instanceof CloudError && err.code.startsWith("EntityNotExist");

async function holds<T>(read: () => Promise<T>, test: (v: T) => boolean): Promise<boolean> {
  try {
    return test(await read());
  } catch (err) {
    if (notFound(err)) return false;
    throw err;
  }
}

export function createRolePlan(spec: RoleSpec): WritePlan {
  const { roleName } = spec;
  const trust = JSON.stringify(spec.trust);
  const attachments = [...spec.systemPolicies.map((name) => ({ name, type: "System" as const })), ...(spec.custom ? [{ name: spec.custom.name, type: "Custom" as const }] : [])];
  const steps: WritePlan["steps"] = [
    {
      id: "create-role",
      operation: "CreateRole",
      service: "RAM",
      target: roleName,
      params: { RoleName: roleName, AssumeRolePolicyDocument: trust, ...(spec.description ? { Description: spec.description } : {}) },
      run: (c: Cloud) => c.ram.createRole({ roleName, assumeRolePolicyDocument: trust, ...(spec.description ? { description: spec.description } : {}) }),
      alreadyDone: (c: Cloud) => holds(() => c.ram.getRole(roleName), (r) => sameDocument(r.assumeRolePolicyDocument, trust, "trust")),
      changes: [{ kind: "role", name: roleName }],
    },
  ];
  if (spec.custom) {
    const { name } = spec.custom;
    const document = JSON.stringify(spec.custom.document);
    steps.push({
      id: "create-policy",
      operation: "CreatePolicy",
      service: "RAM",
      target: name,
      params: { PolicyName: name, PolicyDocument: document, Description: `EAS service role ${roleName}: least privilege` },
      run: (c) => c.ram.createPolicy({ policyName: name, policyDocument: document, description: `EAS service role ${roleName}: least privilege` }),
      alreadyDone: (c) => holds(() => c.ram.getPolicy(name, "Custom"), (p) => sameDocument(p.policyDocument, document, "permission")),
      changes: [{ kind: "policy", name }],
    });
  }
  for (const p of attachments) {
    steps.push({
      id: `attach-${p.name}`,
      operation: "AttachPolicyToRole",
      service: "RAM",
      target: roleName,
      params: { PolicyType: p.type, PolicyName: p.name, RoleName: roleName },
      run: (c) => c.ram.attachPolicyToRole({ policyType: p.type, policyName: p.name, roleName }),
      alreadyDone: (c) => holds(() => c.ram.listPoliciesForRole(roleName), (list) => list.some((a) => a.policyName === p.name && a.policyType === p.type)),
      changes: [{ kind: "role-policies", name: roleName }],
    });
  }
  return { action: "setup.create_role", target: roleName, title: `Create the EAS role ${roleName}`, steps };
}
