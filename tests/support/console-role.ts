import { buildEasTrustPolicy, serializePolicy, type PolicyDocument } from "../../lib/policy";
import { ramGateway } from "../../emulator/testing/clients";

// A role for the console itself on an emulator, as an EAS service would run with it: trusted by
// eas.pai.aliyuncs.com, holding one custom policy, served by the emulator's credentials URI.

export interface ConsoleRole {
  roleName: string;
  /** What EAS would inject as ALIBABA_CLOUD_CREDENTIALS_URI. */
  uri: string;
  /** Replaces the role's permissions with `doc` alone (a new custom policy; the old one is detached). */
  setPolicy(doc: PolicyDocument): Promise<void>;
}

export async function createConsoleRole(emulatorPort: number, roleName: string, policy: PolicyDocument): Promise<ConsoleRole> {
  const ram = ramGateway(emulatorPort);
  let n = 0;
  let attached: string | undefined;
  const setPolicy = async (doc: PolicyDocument) => {
    const policyName = `${roleName}-policy-${++n}`;
    await ram.createPolicy({ policyName, policyDocument: serializePolicy(doc) });
    await ram.attachPolicyToRole({ policyName, policyType: "Custom", roleName });
    if (attached) await ram.detachPolicyFromRole({ policyName: attached, policyType: "Custom", roleName });
    attached = policyName;
  };
  await ram.createRole({ roleName, assumeRolePolicyDocument: serializePolicy(buildEasTrustPolicy()), description: "RoleScope's own role" });
  await setPolicy(policy);
  return { roleName, uri: `http://127.0.0.1:${emulatorPort}/credentials/${roleName}`, setPolicy };
}
