// What the inventory pages receive: plain JSON, safe to send to the browser.
import type { CauseCode } from "../diagnosis/types";
import type { RoleHealth } from "../diagnosis/health";

export type RoleMode = "none" | "default" | "custom";

export type { HealthCode, RoleHealth } from "../diagnosis/health";

/** What a diagnosis lands for a service whose deployment failed. */
interface RowCause {
  code: CauseCode;
  /** What one fix acts on (a role, a user and a role, a region): services sharing it are fixed together. */
  subject?: string;
  /** The account no longer shows the cause: a redeploy should bring the service up. */
  cleared?: boolean;
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
  /** For a failed deployment, its diagnosed cause. */
  cause?: RowCause;
  /** From the service's own Reason/Message: the list call carries them. */
  warning?: ServiceWarning;
  createTime: string;
  updateTime: string;
}

export type { TrustPrincipalView } from "../readiness/trust";
import type { TrustPrincipalView } from "../readiness/trust";

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

/** A services-list row before its role's facts are read: everything but health and cause. */
export type ServiceListingRow = Omit<ServiceRow, "health" | "cause">;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Epoch ms of the cloud read the items come from. */
  fetchedAt: number;
}

