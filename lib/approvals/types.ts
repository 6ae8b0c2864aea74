import type { PassHow } from "../inventory/pass-how";
import type { ServiceRef } from "../inventory/types";
import type { GrantDuration, RequestState } from "../request-workflow";

// A PassRole request as the API answers it and the pages show it. No secrets, no lease details.

export interface PassRoleRequestView {
  id: string;
  state: RequestState;
  roleName: string;
  roleArn: string;
  ramUser: string;
  /** Console username of who filed the request. */
  requester: string;
  /** Console username of whom the grant is for (linked to `ramUser` when filed); null when no console user was. */
  requestedFor: string | null;
  approver: string | null;
  reason: string;
  /** As asked. */
  duration: GrantDuration;
  /** As approved; may be shorter than asked. */
  grantedDuration: GrantDuration | null;
  /** ISO 8601 UTC; null for a permanent grant or before approval. */
  expiresAt: string | null;
  rejectReason: string | null;
  grant: { policyName: string; requestIds: string[]; document: string | null };
  /** Taking the policy away after a revoke, an expiry or a failed grant. */
  removal: { state: "none" | "pending" | "done" | "failed"; requestIds: string[] };
  failure: { code: string; message: string; requestId?: string } | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  grantedAt: string | null;
  endedAt: string | null;
  /** For a revoked request: who revoked it, when, and why (null when no reason was given). */
  revoked: { by: string; at: string; reason: string | null } | null;
}

/** An in-app notice about one of the reader's requests. */
export interface RequestNotice {
  id: number;
  requestId: string;
  event: ApprovalEvent;
  at: string;
  read: boolean;
  roleName: string;
  ramUser: string;
  actor: string;
}

/** What happened to a request; each is audited as `passrole.<event>`, and the webhook posts it. */
export const APPROVAL_EVENTS = ["requested", "approved", "granting", "granted", "failed", "rejected", "cancelled", "revoked", "expired", "expiry_reminder"] as const;
export type ApprovalEvent = (typeof APPROVAL_EVENTS)[number];

/** Steps only the audit log needs: `granting` is followed at once by `granted` or `failed`. */
export const QUIET_EVENTS: readonly ApprovalEvent[] = ["granting"];

/** A role the request form offers. */
export interface RoleChoice {
  name: string;
  description: string;
  easCanAssume: boolean;
  services: ServiceRef[];
  /** RAM user offered by the form → how they may already pass the role to EAS; absent when they may not. */
  passable: Record<string, PassHow>;
}

export interface RequestFormData {
  roles: RoleChoice[];
  ramUsers: string[];
  defaultRamUser: string | null;
  fetchedAt: number;
}
