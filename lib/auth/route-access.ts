import type { Permission } from "../permissions";

// Every route handler and server action, and who may call it. Each handler declares its access
// in apiRoute; tests/auth/route-access.test.ts imports every app/**/route.ts and "use server"
// file and fails on a handler or action without its row here, or a row that differs from the
// declaration. e2e/access.spec.ts calls each entry as anonymous, engineer and admin.

export type Access = Permission | "public";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteAccess {
  method: Method;
  /** As in the file system, without route groups: `/api/auth/users/[id]`. */
  path: string;
  access: Access;
  /** What the e2e probe sends; a body that fails validation proves access without changing anything. */
  probe?: {
    /** Concrete path for dynamic segments. */
    path?: string;
    body?: unknown;
    /** Status when the caller is allowed (default 200). */
    allowed?: number;
    /** Status for anonymous callers of a public route when it differs from `allowed`. */
    anonymous?: number;
  };
}

export interface ActionAccess {
  /** `app/…/actions.ts#exportName` */
  action: string;
  access: Access;
}

export const ROUTE_ACCESS: readonly RouteAccess[] = [
  { method: "GET", path: "/api/health", access: "public" },
  { method: "POST", path: "/api/auth/login", access: "public", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/auth/logout", access: "public", probe: { allowed: 303 } },
  { method: "GET", path: "/api/auth/me", access: "public", probe: { anonymous: 401 } },
  { method: "POST", path: "/api/locale", access: "public", probe: { body: {}, allowed: 400 } },
  { method: "GET", path: "/api/auth/users", access: "users:manage" },
  { method: "POST", path: "/api/auth/users", access: "users:manage", probe: { body: {}, allowed: 400 } },
  { method: "PATCH", path: "/api/auth/users/[id]", access: "users:manage", probe: { path: "/api/auth/users/no-such-user", body: {}, allowed: 400 } },
  { method: "GET", path: "/api/roles/[name]", access: "inventory:read", probe: { path: "/api/roles/eas-oss-reader" } },
  { method: "GET", path: "/api/roles/[name]/access", access: "inventory:read", probe: { path: "/api/roles/eas-oss-reader/access" } },
  { method: "POST", path: "/api/simulate", access: "inventory:read", probe: { body: {}, allowed: 400 } },
  { method: "GET", path: "/api/access", access: "inventory:read", probe: { path: "/api/access?action=oss:GetObject&resource=*" } },
  { method: "GET", path: "/api/roles/[name]/activity", access: "inventory:read", probe: { path: "/api/roles/eas-oss-reader/activity?days=0", allowed: 400 } },
  { method: "POST", path: "/api/roles/[name]/right-size", access: "cloud:write", probe: { path: "/api/roles/eas-oss-reader/right-size", body: {}, allowed: 400 } },
  { method: "GET", path: "/api/audit", access: "audit:read" },
  { method: "GET", path: "/api/audit/export", access: "audit:read" },
  { method: "GET", path: "/api/services", access: "inventory:read" },
  { method: "GET", path: "/api/services/[region]/[name]", access: "inventory:read", probe: { path: "/api/services/cn-hangzhou/fraud-detector" } },
  { method: "GET", path: "/api/services/[region]/[name]/diagnosis", access: "inventory:read", probe: { path: "/api/services/cn-hangzhou/churn-predictor/diagnosis" } },
  { method: "GET", path: "/api/services/[region]/[name]/fixes/[id]", access: "inventory:read", probe: { path: "/api/services/cn-hangzhou/churn-predictor/fixes/add-eas-trust" } },
  { method: "POST", path: "/api/services/[region]/[name]/fixes/[id]", access: "cloud:write", probe: { path: "/api/services/cn-hangzhou/churn-predictor/fixes/add-eas-trust", body: {}, allowed: 400 } },
  { method: "POST", path: "/api/services/[region]/[name]/redeploy", access: "cloud:write", probe: { path: "/api/services/cn-hangzhou/churn-predictor/redeploy", body: {}, allowed: 400 } },
  { method: "GET", path: "/api/roles", access: "inventory:read" },
  { method: "POST", path: "/api/refresh", access: "inventory:read", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/preflight", access: "inventory:read", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/setup/roles", access: "wizard:generate", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/setup/role/preview", access: "wizard:generate", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/setup/role/apply", access: "cloud:write", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/setup/deploy/preview", access: "wizard:generate", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/setup/deploy/apply", access: "cloud:write", probe: { body: {}, allowed: 400 } },
  { method: "GET", path: "/api/setup/deploy/status", access: "inventory:read", probe: { path: "/api/setup/deploy/status?region=cn-hangzhou&name=fraud-detector" } },
  { method: "GET", path: "/api/passrole-requests", access: "passrole:request" },
  { method: "POST", path: "/api/passrole-requests", access: "passrole:request", probe: { body: {}, allowed: 400 } },
  { method: "GET", path: "/api/passrole-requests/[id]", access: "passrole:request", probe: { path: "/api/passrole-requests/no-such-request", allowed: 404 } },
  { method: "POST", path: "/api/passrole-requests/[id]/approve", access: "approvals:decide", probe: { path: "/api/passrole-requests/no-such-request/approve", body: {}, allowed: 404 } },
  { method: "POST", path: "/api/passrole-requests/[id]/reject", access: "approvals:decide", probe: { path: "/api/passrole-requests/no-such-request/reject", body: {}, allowed: 400 } },
  { method: "POST", path: "/api/passrole-requests/[id]/cancel", access: "passrole:request", probe: { path: "/api/passrole-requests/no-such-request/cancel", allowed: 404 } },
  { method: "POST", path: "/api/passrole-requests/[id]/revoke", access: "approvals:decide", probe: { path: "/api/passrole-requests/no-such-request/revoke", body: {}, allowed: 404 } },
  { method: "GET", path: "/api/credentials", access: "credentials:read" },
  { method: "POST", path: "/api/why-denied", access: "inventory:read", probe: { body: {}, allowed: 400 } },
  { method: "POST", path: "/api/why-denied/apply", access: "cloud:write", probe: { body: {}, allowed: 400 } },
];

export const ACTION_ACCESS: readonly ActionAccess[] = [{ action: "lib/approvals/mark-updates-read.ts#markUpdatesRead", access: "passrole:request" }];
