// What EAS injects as ALIBABA_CLOUD_CREDENTIALS_URI: the role assumed by eas.pai.aliyuncs.com.
import { canAssume } from "../../lib/policy";
import type { RequestContext } from "../../lib/policy/types";
import type { RamStore } from "../ram/store";
import { issueCredentials } from "../sts/issue";
import { NOT_AUTHORIZED_BY_RAM } from "../sts/operations";
import { EAS_SERVICE_PRINCIPAL } from "./contract";
import { isoSeconds } from "./http";

export interface CredentialsAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function credentialsForRole(store: RamStore, roleName: string | undefined, now: Date, context: RequestContext, ttlSeconds: number): CredentialsAnswer {
  if (!roleName) {
    return { status: 404, body: { Code: "RoleNotSet", Message: "No role is configured for this credentials endpoint." } };
  }
  const role = store.findRole(roleName);
  if (!role) return { status: 404, body: { Code: "EntityNotExist.Role", Message: `The role does not exist: ${roleName}.` } };
  const trust = canAssume(store.trustOf(role), { type: "Service", service: EAS_SERVICE_PRINCIPAL }, context);
  if (trust.decision !== "Allow") {
    return { status: 403, body: { Code: "NoPermission", Message: `failed to assume role for user, reason: ${NOT_AUTHORIZED_BY_RAM}` } };
  }
  const creds = issueCredentials(store, role, "eas-instance", ttlSeconds, now);
  return {
    status: 200,
    body: {
      Code: "Success",
      AccessKeyId: creds.accessKeyId,
      AccessKeySecret: creds.accessKeySecret,
      SecurityToken: creds.securityToken,
      Expiration: creds.expiration,
      LastUpdated: isoSeconds(now),
    },
  };
}
