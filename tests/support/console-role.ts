import Credential, { Config as CredentialConfig } from "@alicloud/credentials";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import Ram, * as $Ram from "@alicloud/ram20150501";
import { buildEasTrustPolicy } from "../../lib/policy/builders";
import { serializePolicy } from "../../lib/policy/serialize";
import type { PolicyDocument } from "../../lib/policy/types";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from "../../emulator/core/defaults";

// A role for the console itself on an emulator, as an EAS service would run with it: trusted by
// eas.pai.aliyuncs.com, holding one custom policy, served by the emulator's credentials URI.
// The bare SDK client (not the console's gateways, which are server-only) so e2e specs can use it.

export interface ConsoleRole {
  roleName: string;
  /** What EAS would inject as ALIBABA_CLOUD_CREDENTIALS_URI. */
  uri: string;
  /** Replaces the role's permissions with `doc` alone (a new custom policy; the old one is detached). */
  setPolicy(doc: PolicyDocument): Promise<void>;
}

export async function createConsoleRole(emulatorPort: number, roleName: string, policy: PolicyDocument): Promise<ConsoleRole> {
  const credential = new Credential(new CredentialConfig({ type: "access_key", accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET }));
  const ram = new Ram(new $OpenApiUtil.Config({ credential, endpoint: `127.0.0.1:${emulatorPort}`, protocol: "HTTP", readTimeout: 5000, connectTimeout: 5000 }));
  let n = 0;
  let attached: string | undefined;
  const setPolicy = async (doc: PolicyDocument) => {
    const policyName = `${roleName}-policy-${++n}`;
    await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName, policyDocument: serializePolicy(doc) }));
    await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyName, policyType: "Custom", roleName }));
    if (attached) await ram.detachPolicyFromRole(new $Ram.DetachPolicyFromRoleRequest({ policyName: attached, policyType: "Custom", roleName }));
    attached = policyName;
  };
  await ram.createRole(new $Ram.CreateRoleRequest({ roleName, assumeRolePolicyDocument: serializePolicy(buildEasTrustPolicy()), description: "RoleScope's own role" }));
  await setPolicy(policy);
  return { roleName, uri: `http://127.0.0.1:${emulatorPort}/credentials/${roleName}`, setPolicy };
}
