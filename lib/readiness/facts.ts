// What the readiness rules decide from: the service's role use, the role it names, the
// deployer and what they may pass. Plain data, read by lib/inventory's gatherer (server side).
import type { EvaluationResult, NamedPolicy } from "../policy";
import type { AttachedPolicy, Role } from "../cloud/ram-types";
import type { CloudErrorShape } from "../errors/cloud-error";
import type { ServiceConfig } from "../service-config/types";
import type { RoleFacts as TrustFacts } from "./trust";
import type { ServiceRoleUse } from "./use";

export interface AccountRoleFacts extends TrustFacts {
  name: string;
  role?: Role;
  /** RAM's answer when the role does not exist. */
  missing?: CloudErrorShape;
  attached: AttachedPolicy[];
  /** Documents of the attached policies (only for a role that exists). */
  policies: NamedPolicy[];
}

/** Who deployed a service, from its CallerUid: the account itself, one of its RAM users, or unknown. */
export type Deployer =
  | { kind: "account"; uid: string }
  | { kind: "user"; uid: string; userName: string }
  | { kind: "unknown"; uid: string };

export interface PassRoleFacts {
  /** The account itself needs no PassRole; a RAM user does. */
  needed: boolean;
  allowed: boolean;
  decision?: EvaluationResult;
  /** The group whose policy allows it, when the user holds PassRole only through one. */
  viaGroup?: string;
}

export interface RoleCandidate {
  name: string;
  arn: string;
  /** The role's policies cover every need of the service. */
  coversNeeds: boolean;
  /** The deployer may pass it (always true for a service the account itself deployed). */
  deployerMayPass: boolean;
}

export interface FixInputs {
  /** Existing roles that EAS may assume, nearest in name to a missing one first. */
  candidates: RoleCandidate[];
  /** metadata.workspace_id values of the region's other services. */
  workspaces: string[];
  /** System policies that may cover a denied need, with their documents. */
  coverPolicies: NamedPolicy[];
}

/** Everything a readiness rule decides from, read once per distinct role and user. */
export interface ReadinessFacts {
  accountId: string;
  region: string;
  use: ServiceRoleUse;
  config?: ServiceConfig;
  /** The role named by the config: its custom role, or the PAI default role for Method 1. */
  role?: AccountRoleFacts;
  /** The PAI default role, with whose permissions the platform mounts for a service without a role. */
  platformRole?: AccountRoleFacts;
  /** Who deploys the service, and whether they may pass its custom role. */
  deployer?: Deployer;
  passRole?: PassRoleFacts;
  /** Cloud errors that left a fact out (the list only): the verdict is not a full one. */
  unread?: { code: string; requestId?: string }[];
  /** Read only for a single service's fixes, never for the list. */
  fixInputs?: FixInputs;
}
