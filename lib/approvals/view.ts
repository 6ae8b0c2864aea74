import type { PassRoleRequestRecord } from "../db/types";
import type { PassRoleRequestView } from "./types";

export function toRequestView(r: PassRoleRequestRecord): PassRoleRequestView {
  return {
    id: r.id,
    state: r.state,
    roleName: r.roleName,
    roleArn: r.roleArn,
    ramUser: r.ramUser,
    requester: r.requester,
    requestedFor: r.requestedFor,
    approver: r.approver,
    reason: r.reason,
    duration: r.duration,
    grantedDuration: r.grantedDuration,
    expiresAt: r.expiresAt,
    rejectReason: r.state === "rejected" ? r.decisionReason : null,
    grant: { policyName: r.policyName, requestIds: r.grantRequestIds, document: r.policyDocument },
    removal: { state: r.removal, requestIds: r.removalRequestIds },
    failure: r.failure,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    decidedAt: r.decidedAt,
    grantedAt: r.grantedAt,
    endedAt: r.endedAt,
    revoked: r.state === "revoked" && r.endedBy && r.endedAt ? { by: r.endedBy, at: r.endedAt, reason: r.endReason } : null,
  };
}
