import "server-only";
import type { AuditEntry, NotificationRecord, PassRoleRequestRecord, SessionRecord, UserRecord } from "./types";

// Rows as both databases return them (one schema, see migrations.ts), and the records they make.
// Integers come back as numbers from both: the PostgreSQL pool parses BIGINT (see postgres/pool.ts).

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserRecord["role"];
  ram_user_name: string | null;
  locale: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  ramUserName: r.ram_user_name,
  locale: r.locale ?? null,
  passwordHash: r.password_hash,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface SessionRow {
  id_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export const toSession = (r: SessionRow): SessionRecord => ({ idHash: r.id_hash, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at });

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  outcome: AuditEntry["outcome"];
  request_id: string | null;
  detail: string | null;
}

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  outcome: r.outcome,
  requestId: r.request_id,
  detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
});

export interface NotificationRow {
  id: number;
  recipient_id: string;
  request_id: string;
  event: string;
  at: string;
  read_at: string | null;
  detail: string;
}

export const toNotification = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  recipientId: r.recipient_id,
  requestId: r.request_id,
  event: r.event,
  at: r.at,
  readAt: r.read_at,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

export interface RequestRow {
  id: string;
  role_name: string;
  role_arn: string;
  ram_user: string;
  requester_id: string;
  requester: string;
  requested_for_id: string | null;
  requested_for: string | null;
  reason: string;
  duration: PassRoleRequestRecord["duration"];
  granted_duration: PassRoleRequestRecord["grantedDuration"];
  state: PassRoleRequestRecord["state"];
  version: number;
  approver: string | null;
  decision_reason: string | null;
  policy_name: string;
  policy_document: string | null;
  expires_at: string | null;
  grant_request_ids: string;
  removal: PassRoleRequestRecord["removal"];
  removal_request_ids: string;
  failure: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  granted_at: string | null;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

export const toRequest = (r: RequestRow): PassRoleRequestRecord => ({
  id: r.id,
  roleName: r.role_name,
  roleArn: r.role_arn,
  ramUser: r.ram_user,
  requesterId: r.requester_id,
  requester: r.requester,
  requestedForId: r.requested_for_id,
  requestedFor: r.requested_for,
  reason: r.reason,
  duration: r.duration,
  grantedDuration: r.granted_duration,
  state: r.state,
  version: r.version,
  approver: r.approver,
  decisionReason: r.decision_reason,
  policyName: r.policy_name,
  policyDocument: r.policy_document,
  expiresAt: r.expires_at,
  grantRequestIds: JSON.parse(r.grant_request_ids) as string[],
  removal: r.removal,
  removalRequestIds: JSON.parse(r.removal_request_ids) as string[],
  failure: r.failure ? (JSON.parse(r.failure) as PassRoleRequestRecord["failure"]) : null,
  endedBy: r.ended_by ?? null,
  endReason: r.end_reason ?? null,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  remindedAt: r.reminded_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  decidedAt: r.decided_at,
  grantedAt: r.granted_at,
  endedAt: r.ended_at,
});
