// RAM's operation table: handler, and the resource RAM authorises the call against.
import * as a from "./attachments";
import { decodeDiagnosticMessage } from "./diagnostics";
import * as g from "./groups";
import * as pol from "./policies";
import * as r from "./roles";
import * as slr from "./service-linked-roles";
import * as u from "./users";
import type { RequestContext } from "../../lib/policy/types";
import type { Params } from "./validate";
import type { RamHandler } from "./wire";

export interface RamOperation {
  handler: RamHandler;
  resource: (p: Params, accountId: string) => string;
  /** Condition keys the call adds to its own authorisation (e.g. `ram:ServiceName`). */
  context?: (p: Params) => RequestContext;
}

const role = (p: Params, uid: string) => `acs:ram:*:${uid}:role/${p.RoleName ?? ""}`;
const user = (p: Params, uid: string) => `acs:ram:*:${uid}:user/${p.UserName ?? ""}`;
const group = (p: Params, uid: string) => `acs:ram:*:${uid}:group/${p.GroupName ?? ""}`;
const policy = (p: Params, uid: string) => `acs:ram:*:${uid}:policy/${p.PolicyName ?? ""}`;
const any = () => "*";

const linked = (handler: RamHandler): RamOperation => ({ handler, resource: slr.serviceLinkedRoleResource, context: slr.serviceNameContext });
const SERVICE_LINKED_ROLE_OPERATIONS: Record<string, RamOperation> = {
  CreateServiceLinkedRole: linked(slr.createServiceLinkedRole),
  DeleteServiceLinkedRole: linked(slr.deleteServiceLinkedRole),
  GetServiceLinkedRoleDeletionStatus: { handler: slr.getServiceLinkedRoleDeletionStatus, resource: any },
};

/** Service-linked roles live in ResourceManager 2020-03-31 too; the emulator answers them under both versions. */
export const RESOURCE_MANAGER_OPERATIONS = new Set(Object.keys(SERVICE_LINKED_ROLE_OPERATIONS));

export const RAM_OPERATIONS: Record<string, RamOperation> = {
  CreateRole: { handler: r.createRole, resource: role },
  GetRole: { handler: r.getRole, resource: role },
  ListRoles: { handler: r.listRoles, resource: any },
  UpdateRole: { handler: r.updateRole, resource: role },
  DeleteRole: { handler: r.deleteRole, resource: role },
  CreatePolicy: { handler: pol.createPolicy, resource: policy },
  GetPolicy: { handler: pol.getPolicy, resource: policy },
  GetPolicyVersion: { handler: pol.getPolicyVersion, resource: policy },
  ListPolicies: { handler: pol.listPolicies, resource: any },
  CreatePolicyVersion: { handler: pol.createPolicyVersion, resource: policy },
  ListPolicyVersions: { handler: pol.listPolicyVersions, resource: policy },
  DeletePolicy: { handler: pol.deletePolicy, resource: policy },
  AttachPolicyToRole: { handler: a.attachPolicyToRole, resource: role },
  DetachPolicyFromRole: { handler: a.detachPolicyFromRole, resource: role },
  AttachPolicyToUser: { handler: a.attachPolicyToUser, resource: user },
  DetachPolicyFromUser: { handler: a.detachPolicyFromUser, resource: user },
  ListPoliciesForRole: { handler: a.listPoliciesForRole, resource: role },
  ListPoliciesForUser: { handler: a.listPoliciesForUser, resource: user },
  ListEntitiesForPolicy: { handler: a.listEntitiesForPolicy, resource: policy },
  CreateUser: { handler: u.createUser, resource: user },
  GetUser: { handler: u.getUser, resource: user },
  ListUsers: { handler: u.listUsers, resource: any },
  CreateGroup: { handler: g.createGroup, resource: group },
  GetGroup: { handler: g.getGroup, resource: group },
  UpdateGroup: { handler: g.updateGroup, resource: group },
  ListGroups: { handler: g.listGroups, resource: any },
  DeleteGroup: { handler: g.deleteGroup, resource: group },
  AddUserToGroup: { handler: g.addUserToGroup, resource: group },
  RemoveUserFromGroup: { handler: g.removeUserFromGroup, resource: group },
  ListGroupsForUser: { handler: g.listGroupsForUser, resource: user },
  ListUsersForGroup: { handler: g.listUsersForGroup, resource: group },
  AttachPolicyToGroup: { handler: a.attachPolicyToGroup, resource: group },
  DetachPolicyFromGroup: { handler: a.detachPolicyFromGroup, resource: group },
  ListPoliciesForGroup: { handler: a.listPoliciesForGroup, resource: group },
  DecodeDiagnosticMessage: { handler: decodeDiagnosticMessage, resource: any },
  ...SERVICE_LINKED_ROLE_OPERATIONS,
};
