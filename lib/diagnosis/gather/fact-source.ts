import "server-only";
import { RoleSet, roleKey } from "../../policy/role-identity";
import { PAI_DEFAULT_ROLE } from "../../service-config/analyse";
import type { InventoryDeps } from "../../inventory/deps";
import { fetchDeployer, fetchPassRoleFacts, fetchRoleFacts, type AccountRoleFacts, type Deployer, type PassRoleFacts } from "../../inventory/facts";
import { fetchAccountId, fetchRoles } from "../../inventory/fetch";
import { fetchUserPolicySet, type UserPolicies } from "../../inventory/principal-policies";

// The account's facts for many services at once, each read once however many services share it:
// one set of reads per distinct role, per distinct deploying user, per distinct policy. The
// fetchers underneath are cached across requests; this memo keeps one pass from even asking twice.

const missingRole = (name: string): AccountRoleFacts => ({ name, exists: false, easCanAssume: false, principals: [], lintErrors: [], attached: [], policies: [] });

export class FactSource {
  private readonly roles = new Map<string, Promise<AccountRoleFacts>>();
  private readonly deployers = new Map<string, Promise<Deployer>>();
  private readonly passes = new Map<string, Promise<PassRoleFacts>>();
  private readonly users = new Map<string, Promise<UserPolicies>>();
  private known?: Promise<RoleSet>;
  private account?: Promise<string>;

  /**
   * `listed`: trust ListRoles for existence, so a role it does not hold costs no GetRole (the
   * list view); without it GetRole answers, with RAM's own code and RequestId (a single diagnosis).
   */
  constructor(private readonly deps: InventoryDeps, private readonly opts: { listed?: boolean } = {}) {}

  /** Reading for the list of every service rather than for one service's diagnosis. */
  get listed(): boolean {
    return this.opts.listed === true;
  }

  accountId(): Promise<string> {
    this.account ??= (this.opts.listed ? fetchRoles(this.deps).then((r) => fetchAccountId(this.deps, r)) : fetchAccountId(this.deps));
    return this.account;
  }

  role(name: string): Promise<AccountRoleFacts> {
    let p = this.roles.get(roleKey(name));
    if (!p) {
      p = this.opts.listed
        ? this.listedNames().then((names) => (names.has(name) ? fetchRoleFacts(this.deps, name) : missingRole(name)))
        : fetchRoleFacts(this.deps, name);
      this.roles.set(roleKey(name), handled(p));
    }
    return p;
  }

  defaultRole(): Promise<AccountRoleFacts> {
    return this.role(PAI_DEFAULT_ROLE);
  }

  deployer(callerUid: string): Promise<Deployer> {
    let p = this.deployers.get(callerUid);
    if (!p) {
      p = this.accountId().then((account) => fetchDeployer(this.deps, callerUid, account));
      this.deployers.set(callerUid, handled(p));
    }
    return p;
  }

  /** A user's own and groups' policies; started as soon as the deployer is known, beside the role's reads. */
  userPolicies(userName: string): Promise<UserPolicies> {
    let p = this.users.get(userName);
    if (!p) {
      p = fetchUserPolicySet(this.deps, userName);
      this.users.set(userName, handled(p));
    }
    return p;
  }

  passRole(userName: string, roleArn: string): Promise<PassRoleFacts> {
    const key = `${userName}\n${roleArn}`;
    let p = this.passes.get(key);
    if (!p) {
      p = fetchPassRoleFacts(this.deps, userName, roleArn);
      this.passes.set(key, handled(p));
    }
    return p;
  }

  private listedNames(): Promise<RoleSet> {
    this.known ??= fetchRoles(this.deps).then((roles) => new RoleSet(roles.map((r) => r.roleName)));
    return this.known;
  }
}

// Started early and awaited later: a failure is seen where it is awaited, never as unhandled.
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
