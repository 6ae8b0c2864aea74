// Who a role is. RAM role names are unique ignoring case (CreateRole refuses `AGCHECK` when
// `AgCheck` exists, and GetRole finds either spelling), and RAM writes the name in lower case in
// the role's ARN (`acs:ram::<uid>:role/aliyuncsdefaultrole` for `AliyunCSDefaultRole`). So a role
// is known by its name compared without case: every map, set, comparison and cache key that holds
// a role goes through `roleKey`, and what a person reads is RAM's `RoleName` as RAM returns it.

/** The one identity of a role name: two names that differ only in case are the same role. */
export function roleKey(name: string): string {
  return name.toLowerCase();
}

export function sameRole(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && roleKey(a) === roleKey(b);
}

/** A Map whose keys are roles: `get("easmixedcase")` finds what `set("EasMixedCase", …)` put. */
export class RoleMap<V> {
  private readonly entries = new Map<string, V>();

  get(name: string): V | undefined {
    return this.entries.get(roleKey(name));
  }

  has(name: string): boolean {
    return this.entries.has(roleKey(name));
  }

  set(name: string, value: V): this {
    this.entries.set(roleKey(name), value);
    return this;
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A set of roles, compared without case. */
export class RoleSet {
  private readonly keys: Set<string>;

  constructor(names: Iterable<string> = []) {
    this.keys = new Set([...names].map(roleKey));
  }

  has(name: string): boolean {
    return this.keys.has(roleKey(name));
  }
}
