// CreatePolicy, GetPolicy, GetPolicyVersion, ListPolicies, CreatePolicyVersion,
// ListPolicyVersions, DeletePolicy.
import { isoSeconds } from "../core/http";
import { ramErrors } from "./errors";
import { keyOf, type CustomPolicyRecord } from "./state";
import type { AnyPolicy } from "./store";
import { SYSTEM_POLICIES } from "./system-policies";
import * as v from "./validate";
import { omit, policySummary, versionsOf, versionWire, type RamHandler } from "./wire";

const MAX_POLICY_VERSIONS = 5;

export const createPolicy: RamHandler = (p, { store, now }) => {
  const name = v.policyName(v.required(p, "PolicyName"));
  const document = v.policyDocument(v.required(p, "PolicyDocument"), "permission");
  const description = v.description(p.Description);
  const tags = v.tags(p.Tag);
  if (store.findPolicy(name)) throw ramErrors.policyExists(name);
  const at = isoSeconds(now);
  const policy: CustomPolicyRecord = {
    policyName: name,
    description,
    createDate: at,
    updateDate: at,
    defaultVersion: "v1",
    versions: [{ versionId: "v1", document, createDate: at }],
    nextVersion: 2,
    tags,
  };
  store.state.policies[keyOf(name)] = policy;
  store.markDirty();
  return { Policy: { PolicyName: name, PolicyType: "Custom", Description: description, DefaultVersion: "v1", CreateDate: at } };
};

export const getPolicy: RamHandler = (p, { store }) => {
  const found = store.policy(v.required(p, "PolicyName"), v.policyType(p.PolicyType));
  const summary = omit(policySummary(store, found), "Tags");
  const def = versionsOf(found).find((x) => x.versionId === found.policy.defaultVersion);
  return {
    Policy: { ...summary, PolicyDocument: store.documentOf(found) },
    DefaultPolicyVersion: def ? versionWire(def, found.policy.defaultVersion) : undefined,
  };
};

export const getPolicyVersion: RamHandler = (p, { store }) => {
  const name = v.required(p, "PolicyName");
  const found = store.policy(name, v.policyType(p.PolicyType));
  const id = v.versionId(v.required(p, "VersionId"));
  const version = versionsOf(found).find((x) => x.versionId === id);
  if (!version) throw ramErrors.versionNotFound(name, id);
  return { PolicyVersion: versionWire(version, found.policy.defaultVersion) };
};

export const listPolicies: RamHandler = (p, { store }) => {
  const type = v.policyType(p.PolicyType, false);
  const wanted = v.tags(p.Tag);
  const all: AnyPolicy[] = [
    ...(type === "Custom" ? [] : SYSTEM_POLICIES.map((policy) => ({ kind: "System" as const, policy }))),
    ...(type === "System" ? [] : Object.values(store.state.policies).map((policy) => ({ kind: "Custom" as const, policy }))),
  ].filter(
    (x) => wanted.length === 0 || (x.kind === "Custom" && wanted.every((t) => x.policy.tags.some((y) => y.TagKey === t.TagKey))),
  );
  const page = v.page(all, p);
  return {
    IsTruncated: page.IsTruncated,
    ...(page.Marker ? { Marker: page.Marker } : {}),
    Policies: { Policy: page.items.map((x) => policySummary(store, x)) },
  };
};

function customPolicy(p: v.Params, store: Parameters<RamHandler>[1]["store"]): CustomPolicyRecord {
  const name = v.required(p, "PolicyName");
  const found = store.policy(name);
  if (found.kind === "System") throw ramErrors.systemPolicyReadOnly(name);
  return found.policy;
}

export const createPolicyVersion: RamHandler = (p, { store, now }) => {
  const policy = customPolicy(p, store);
  const document = v.policyDocument(v.required(p, "PolicyDocument"), "permission");
  const rotate = p.RotateStrategy ?? "None";
  if (rotate !== "None" && rotate !== "DeleteOldestNonDefaultVersionWhenLimitExceeded") {
    throw ramErrors.invalid("InvalidParameter.RotateStrategy", `The parameter RotateStrategy is invalid: ${rotate}.`);
  }
  if (policy.versions.length >= MAX_POLICY_VERSIONS) {
    if (rotate === "None") throw ramErrors.versionLimit(policy.policyName);
    const oldest = policy.versions.findIndex((x) => x.versionId !== policy.defaultVersion);
    policy.versions.splice(oldest, 1);
  }
  const at = isoSeconds(now);
  const version = { versionId: `v${policy.nextVersion++}`, document, createDate: at };
  policy.versions.push(version);
  if (v.bool(p.SetAsDefault)) policy.defaultVersion = version.versionId;
  policy.updateDate = at;
  store.markDirty();
  return { PolicyVersion: versionWire(version, policy.defaultVersion) };
};

export const listPolicyVersions: RamHandler = (p, { store }) => {
  const found = store.policy(v.required(p, "PolicyName"), v.policyType(p.PolicyType));
  return { PolicyVersions: { PolicyVersion: versionsOf(found).map((x) => versionWire(x, found.policy.defaultVersion)) } };
};

export const deletePolicy: RamHandler = (p, { store }) => {
  const policy = customPolicy(p, store);
  const k = keyOf(policy.policyName);
  const isIt = (a: { policyType: string; policyName: string }) => a.policyType === "Custom" && keyOf(a.policyName) === k;
  const roles = Object.values(store.state.roles).filter((r) => r.policies.some(isIt));
  const users = Object.values(store.state.users).filter((u) => u.policies.some(isIt));
  const groups = Object.values(store.state.groups).filter((g) => g.policies.some(isIt));
  if (!v.bool(p.CascadingDelete)) {
    if (users.length > 0) throw ramErrors.deleteConflictPolicyUser(policy.policyName);
    if (groups.length > 0) throw ramErrors.deleteConflictPolicyGroup(policy.policyName);
    if (roles.length > 0) throw ramErrors.deleteConflictPolicyRole(policy.policyName);
    if (policy.versions.length > 1) {
      throw ramErrors.deleteConflictPolicyVersion(policy.policyName);
    }
  }
  for (const e of [...roles, ...users, ...groups]) e.policies = e.policies.filter((a) => !isIt(a));
  delete store.state.policies[k];
  store.markDirty();
  return {};
};
