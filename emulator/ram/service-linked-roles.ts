// CreateServiceLinkedRole, DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus: the
// service-linked roles the emulator knows (PAI-EAS's), created and deleted at once.
import { randomUUID } from "node:crypto";
import { serializePolicy } from "../../lib/policy";
import { EAS_SERVICE_PRINCIPAL } from "../core/contract";
import { isoSeconds } from "../core/http";
import { ramErrors } from "./errors";
import { keyOf, nextRoleId, ramRoleArn, type RoleRecord } from "./state";
import type { RamStore } from "./store";
import { SERVICE_LINKED_POLICY_NAME, SERVICE_LINKED_ROLE_NAME } from "./system-policies";
import * as v from "./validate";
import type { RamHandler } from "./wire";

interface ServiceLinkedRoleSpec {
  roleName: string;
  policyName: string;
  description: string;
}

export const SERVICE_LINKED_ROLES: Record<string, ServiceLinkedRoleSpec> = {
  [EAS_SERVICE_PRINCIPAL]: {
    roleName: SERVICE_LINKED_ROLE_NAME,
    policyName: SERVICE_LINKED_POLICY_NAME,
    description: "PAI-EAS uses this role to access OSS, Log Service, ECS network interfaces and VPC in your account.",
  },
};

export const serviceOfRole = (roleName: string) =>
  Object.entries(SERVICE_LINKED_ROLES).find(([, spec]) => keyOf(spec.roleName) === keyOf(roleName))?.[0];

function spec(serviceName: string): ServiceLinkedRoleSpec {
  const s = SERVICE_LINKED_ROLES[serviceName];
  if (!s) throw ramErrors.invalid("InvalidParameter.ServiceName", `The service does not support service-linked roles: ${serviceName}.`);
  return s;
}

/** Writes the role as the service defines it; the seeds use this too. */
export function putServiceLinkedRole(store: RamStore, serviceName: string, at: Date): RoleRecord {
  const s = spec(serviceName);
  const date = isoSeconds(at);
  const trust = serializePolicy({ Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: [serviceName] } }] });
  const role: RoleRecord = {
    roleId: nextRoleId(store.state),
    roleName: s.roleName,
    arn: ramRoleArn(store.accountId, s.roleName),
    description: s.description,
    assumeRolePolicyDocument: trust,
    maxSessionDuration: 3600,
    createDate: date,
    updateDate: date,
    tags: [],
    policies: [{ policyType: "System", policyName: s.policyName, attachDate: date }],
    serviceLinked: true,
  };
  store.state.roles[keyOf(s.roleName)] = role;
  store.markDirty();
  return role;
}

/** Which service a service-linked role's name belongs to, for the `ram:ServiceName` condition key. */
export const serviceNameContext = (p: v.Params) => {
  const service = p.ServiceName ?? (p.RoleName ? serviceOfRole(p.RoleName) : undefined);
  return service ? { "ram:ServiceName": service } : {};
};
export const serviceLinkedRoleResource = (p: v.Params, uid: string) =>
  `acs:ram:*:${uid}:role/${p.RoleName ?? (p.ServiceName ? (SERVICE_LINKED_ROLES[p.ServiceName]?.roleName ?? "*") : "*")}`;

export const createServiceLinkedRole: RamHandler = (p, { store, now }) => {
  const serviceName = v.required(p, "ServiceName");
  const s = spec(serviceName);
  if (p.CustomSuffix) throw ramErrors.invalid("InvalidParameter.CustomSuffix", `The service-linked role of ${serviceName} takes no custom suffix.`);
  if (store.findRole(s.roleName)) throw ramErrors.roleExists(s.roleName);
  const role = putServiceLinkedRole(store, serviceName, now);
  return {
    Role: {
      RoleId: role.roleId,
      RoleName: role.roleName,
      Arn: role.arn,
      Description: role.description,
      AssumeRolePolicyDocument: role.assumeRolePolicyDocument,
      CreateDate: role.createDate,
      RolePrincipalName: `${role.roleName}@role.${store.accountId}.onaliyunservice.com`,
      IsServiceLinkedRole: true,
    },
  };
};

export const deleteServiceLinkedRole: RamHandler = (p, { store }) => {
  const role = store.role(v.required(p, "RoleName"));
  const serviceName = serviceOfRole(role.roleName);
  if (!role.serviceLinked || !serviceName) throw ramErrors.invalid("InvalidParameter.RoleName", `The role is not a service-linked role: ${role.roleName}.`);
  delete store.state.roles[keyOf(role.roleName)];
  store.markDirty();
  // The real deletion is a task that checks the service's resources; here it is done at once.
  return { DeletionTaskId: `task/acs-service-role/${serviceName}/${role.roleName}/${randomUUID()}` };
};

export const getServiceLinkedRoleDeletionStatus: RamHandler = (p) => {
  const id = v.required(p, "DeletionTaskId");
  if (!/^task\/acs-service-role\/[^/]+\/[^/]+\/[0-9a-f-]{36}$/.test(id)) {
    throw ramErrors.invalid("InvalidParameter.DeletionTaskId", `The parameter DeletionTaskId is invalid: ${id}.`);
  }
  return { Status: "SUCCEEDED" };
};
