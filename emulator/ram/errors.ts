// RAM's error codes with their HTTP status and message, as the service writes them.
import { ApiError } from "../core/contract";

export const ramErrors = {
  roleNotFound: (name: string) => new ApiError(404, "EntityNotExist.Role", `The role does not exist: ${name}.`),
  userNotFound: (name: string) => new ApiError(404, "EntityNotExist.User", `The user does not exist: ${name}.`),
  groupNotFound: (name: string) => new ApiError(404, "EntityNotExist.Group", `The group does not exist: ${name}.`),
  memberNotFound: (user: string, group: string) =>
    new ApiError(404, "EntityNotExist.User.Group", `The user ${user} is not a member of the group ${group}.`),
  groupPolicyNotFound: (policy: string, group: string) =>
    new ApiError(404, "EntityNotExist.Group.Policy", `The policy ${policy} is not attached to the group ${group}.`),
  policyNotFound: (name: string) => new ApiError(404, "EntityNotExist.Policy", `The policy does not exist: ${name}.`),
  versionNotFound: (name: string, v: string) =>
    new ApiError(404, "EntityNotExist.Policy.Version", `The policy version does not exist: ${name}, ${v}.`),
  rolePolicyNotFound: (policy: string, role: string) =>
    new ApiError(404, "EntityNotExist.Role.Policy", `The policy ${policy} is not attached to the role ${role}.`),
  userPolicyNotFound: (policy: string, user: string) =>
    new ApiError(404, "EntityNotExist.User.Policy", `The policy ${policy} is not attached to the user ${user}.`),
  roleExists: (name: string) => new ApiError(409, "EntityAlreadyExists.Role", `The role does already EXIST: ${name}.`),
  userExists: (name: string) => new ApiError(409, "EntityAlreadyExists.User", `The user does already EXIST: ${name}.`),
  groupExists: (name: string) => new ApiError(409, "EntityAlreadyExists.Group", `The group does already EXIST: ${name}.`),
  memberExists: (user: string, group: string) =>
    new ApiError(409, "EntityAlreadyExists.User.Group", `The user ${user} is already a member of the group ${group}.`),
  groupPolicyExists: (policy: string, group: string) =>
    new ApiError(409, "EntityAlreadyExists.Group.Policy", `The policy ${policy} is already attached to the group ${group}.`),
  policyExists: (name: string) => new ApiError(409, "EntityAlreadyExists.Policy", `The policy does already EXIST: ${name}.`),
  rolePolicyExists: (policy: string, role: string) =>
    new ApiError(409, "EntityAlreadyExists.Role.Policy", `The policy ${policy} is already attached to the role ${role}.`),
  userPolicyExists: (policy: string, user: string) =>
    new ApiError(409, "EntityAlreadyExists.User.Policy", `The policy ${policy} is already attached to the user ${user}.`),
  deleteConflictRolePolicy: (role: string) =>
    new ApiError(409, "DeleteConflict.Role.Policy", `The role still has policies attached, detach them first: ${role}.`),
  deleteConflictPolicyRole: (policy: string) =>
    new ApiError(409, "DeleteConflict.Policy.Role", `The policy is still attached to roles: ${policy}.`),
  deleteConflictPolicyUser: (policy: string) =>
    new ApiError(409, "DeleteConflict.Policy.User", `The policy is still attached to users: ${policy}.`),
  deleteConflictPolicyGroup: (policy: string) =>
    new ApiError(409, "DeleteConflict.Policy.Group", `The policy is still attached to groups: ${policy}.`),
  deleteConflictGroupUser: (group: string) =>
    new ApiError(409, "DeleteConflict.Group.User", `The group still has members, remove them first: ${group}.`),
  deleteConflictGroupPolicy: (group: string) =>
    new ApiError(409, "DeleteConflict.Group.Policy", `The group still has policies attached, detach them first: ${group}.`),
  deleteConflictPolicyVersion: (policy: string) =>
    new ApiError(409, "DeleteConflict.Policy.Version", `The policy has non-default versions, delete them first: ${policy}.`),
  serviceLinkedRole: (role: string) =>
    new ApiError(409, "DeleteConflict.Role.ServiceLinkedRole", `The service-linked role cannot be deleted by DeleteRole: ${role}.`),
  versionLimit: (name: string) =>
    new ApiError(409, "LimitExceeded.Policy.Version", `The count of policy versions exceeds the limit 5: ${name}.`),
  groupLimit: (max: number) => new ApiError(409, "LimitExceeded.Group", `The count of groups exceeds the limit ${max}.`),
  userGroupLimit: (user: string, max: number) =>
    new ApiError(409, "LimitExceeded.User.Group", `The count of groups the user ${user} belongs to exceeds the limit ${max}.`),
  /** `entity` is Role, User or Group; `kind` System or Custom. */
  attachmentLimit: (entity: string, name: string, kind: string, max: number) =>
    new ApiError(409, `LimitExceeded.${entity}.Policy`, `The count of ${kind.toLowerCase()} policies attached to the ${entity.toLowerCase()} ${name} exceeds the limit ${max}.`),
  systemPolicyReadOnly: (name: string) =>
    new ApiError(400, "InvalidParameter.PolicyType", `A system policy cannot be changed: ${name}.`),
  missing: (param: string) => new ApiError(400, "MissingParameter", `The input parameter "${param}" that is mandatory for processing this request is not supplied.`),
  invalid: (code: string, message: string) => new ApiError(400, code, message),
  malformed: (message: string) => new ApiError(400, "MalformedPolicyDocument", message),
};
