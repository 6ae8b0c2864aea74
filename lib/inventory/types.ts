// What the inventory pages receive: plain JSON, safe to send to the browser.

export type RoleMode = "none" | "default" | "custom";

export type HealthIssueCode =
  | "role-missing"
  | "trust-lacks-eas"
  | "trust-unreadable"
  | "lint-errors"
  | "no-workspace-id"
  | "config-invalid";

export interface HealthIssue {
  code: HealthIssueCode;
  /** Lint messages, or the role name that is missing. */
  detail?: string[];
}

/** "none" = the service has no RAM role, so there is nothing to be healthy or not. */
export type HealthState = "ok" | "problem" | "none";

export interface RoleHealth {
  state: HealthState;
  issues: HealthIssue[];
}

export interface ServiceWarning {
  reason: string;
  message: string;
}

export interface ServiceRow {
  region: string;
  name: string;
  status: string;
  roleMode: RoleMode;
  roleName?: string;
  roleArn?: string;
  health: RoleHealth;
  /** From the service's own Reason/Message: the list call carries them. */
  warning?: ServiceWarning;
  createTime: string;
  updateTime: string;
}

export interface TrustPrincipalView {
  kind: "Service" | "RAM" | "Federated";
  value: string;
  effect: "Allow" | "Deny";
  conditional: boolean;
  isEas: boolean;
}

export interface ServiceRef {
  region: string;
  name: string;
}

export interface RoleRow {
  name: string;
  arn: string;
  description: string;
  createDate: string;
  principals: TrustPrincipalView[];
  easCanAssume: boolean;
  trustError?: string;
  policies: { name: string; type: "System" | "Custom" }[];
  usedBy: ServiceRef[];
  /** RAM users whose policies (their own or their groups') allow ram:PassRole on this role for EAS. */
  passers: string[];
  /** Passer → the group that lets them, for those who may pass the role only through a group. */
  passersVia: Record<string, string>;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Epoch ms of the cloud read the items come from. */
  fetchedAt: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; requestId?: string };
}
