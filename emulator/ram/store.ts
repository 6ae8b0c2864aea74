// Live RAM state plus the lookups every handler and the EAS half need.
import { parsePolicy } from "../../lib/policy";
import type { NamedPolicy, PolicyDocument } from "../../lib/policy/types";
import { ramErrors } from "./errors";
import { keyOf, type Attachment, type CustomPolicyRecord, type GroupRecord, type RamState, type RoleRecord, type UserRecord } from "./state";
import { systemPolicy, type SystemPolicy } from "./system-policies";

export type AnyPolicy = { kind: "System"; policy: SystemPolicy } | { kind: "Custom"; policy: CustomPolicyRecord };

export class RamStore {
  /** Parsed documents by their text: lib/policy caches compiled policies by object identity. */
  private readonly parsed = new Map<string, PolicyDocument>();

  constructor(
    public state: RamState,
    readonly markDirty: () => void,
  ) {}

  get accountId(): string {
    return this.state.accountId;
  }

  findRole(name: string): RoleRecord | undefined {
    return this.state.roles[keyOf(name)];
  }
  role(name: string): RoleRecord {
    const r = this.findRole(name);
    if (!r) throw ramErrors.roleNotFound(name);
    return r;
  }
  findUser(name: string): UserRecord | undefined {
    return this.state.users[keyOf(name)];
  }
  user(name: string): UserRecord {
    const u = this.findUser(name);
    if (!u) throw ramErrors.userNotFound(name);
    return u;
  }

  findGroup(name: string): GroupRecord | undefined {
    return this.state.groups[keyOf(name)];
  }
  group(name: string): GroupRecord {
    const g = this.findGroup(name);
    if (!g) throw ramErrors.groupNotFound(name);
    return g;
  }
  /** The groups the user is a member of, in the order they were created. */
  groupsOf(userName: string): GroupRecord[] {
    const k = keyOf(userName);
    return Object.values(this.state.groups).filter((g) => g.members.some((m) => keyOf(m.userName) === k));
  }
  /** What counts in every decision about the user: its own attachments and those of its groups. */
  effectiveUserAttachments(userName: string): Attachment[] {
    const own = this.findUser(userName)?.policies ?? [];
    return [...own, ...this.groupsOf(userName).flatMap((g) => g.policies)];
  }

  findPolicy(name: string, type?: string): AnyPolicy | undefined {
    if (type !== "Custom") {
      const s = systemPolicy(name);
      if (s) return { kind: "System", policy: s };
    }
    if (type !== "System") {
      const c = this.state.policies[keyOf(name)];
      if (c) return { kind: "Custom", policy: c };
    }
    return undefined;
  }
  policy(name: string, type?: string): AnyPolicy {
    const p = this.findPolicy(name, type);
    if (!p) throw ramErrors.policyNotFound(name);
    return p;
  }

  /** The default version's document text. */
  documentOf(p: AnyPolicy): string {
    if (p.kind === "System") return JSON.stringify(p.policy.document);
    const v = p.policy.versions.find((x) => x.versionId === p.policy.defaultVersion);
    return v?.document ?? '{"Version":"1","Statement":[]}';
  }

  permissionDoc(text: string): PolicyDocument {
    let doc = this.parsed.get(text);
    if (!doc) {
      const r = parsePolicy(text);
      // Stored documents were validated on the way in; an unreadable one grants nothing.
      doc = r.ok ? r.policy : { Version: "1", Statement: [] };
      if (this.parsed.size > 5000) this.parsed.clear();
      this.parsed.set(text, doc);
    }
    return doc;
  }

  trustOf(role: RoleRecord): PolicyDocument {
    const cached = this.parsed.get(`trust:${role.assumeRolePolicyDocument}`);
    if (cached) return cached;
    const r = parsePolicy(role.assumeRolePolicyDocument, { kind: "trust" });
    const doc: PolicyDocument = r.ok ? r.policy : { Version: "1", Statement: [] };
    this.parsed.set(`trust:${role.assumeRolePolicyDocument}`, doc);
    return doc;
  }

  namedPolicies(attachments: Attachment[]): NamedPolicy[] {
    const out: NamedPolicy[] = [];
    for (const a of attachments) {
      const p = this.findPolicy(a.policyName, a.policyType);
      if (p) out.push({ name: p.policy.policyName, type: p.kind, document: this.permissionDoc(this.documentOf(p)) });
    }
    return out;
  }

  attachmentCount(name: string, type: "System" | "Custom"): number {
    const k = keyOf(name);
    const match = (a: Attachment) => a.policyType === type && keyOf(a.policyName) === k;
    let n = 0;
    for (const r of Object.values(this.state.roles)) n += r.policies.filter(match).length;
    for (const u of Object.values(this.state.users)) n += u.policies.filter(match).length;
    for (const g of Object.values(this.state.groups)) n += g.policies.filter(match).length;
    return n;
  }
}
