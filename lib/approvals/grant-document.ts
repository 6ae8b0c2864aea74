import { buildPassRolePolicy, serializePolicy } from "../policy";
import type { PolicyDocument } from "../policy/types";

// The exact document a grant creates: ram:PassRole on one role's ARN in this account, and for a
// time-bound grant `DateLessThan acs:CurrentTime <expiry>` (ISO 8601, UTC), which RAM evaluates
// at every deployment, so the grant stops working at that minute whatever the console does.

function grantDocument(roleName: string, accountId: string, expiresAt: Date | null): PolicyDocument {
  return buildPassRolePolicy(roleName, { accountId, ...(expiresAt ? { expiresAt } : {}) });
}

/** The document as it is sent to RAM, and compared with what RAM holds. */
export function grantDocumentText(roleName: string, accountId: string, expiresAt: Date | null): string {
  return serializePolicy(grantDocument(roleName, accountId, expiresAt));
}

export function grantDescription(ramUser: string, roleName: string, requestId: string): string {
  return `RoleScope: lets ${ramUser} pass ${roleName} to EAS (request ${requestId}).`;
}
