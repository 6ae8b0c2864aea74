import type { NamedPolicy, PolicyDocument } from "../policy/types";

// The shapes of access paths: pure data, the same on the server, in the browser, in the CLI.

/** What lib/access reads of an account: every RAM user (own and group policies) and role. */
export interface AccessInventory {
  accountId: string;
  users: { name: string; policies: NamedPolicy[]; /** Policy name → the group it comes from. */ fromGroup?: Record<string, string> }[];
  roles: { name: string; arn: string; /** Undefined when RAM holds a trust policy nobody can parse: it admits nobody. */ trust?: PolicyDocument; policies: NamedPolicy[] }[];
}

type PrincipalType = "user" | "role";

export interface PrincipalRef {
  type: PrincipalType;
  name: string;
}

/** One statement that decides an edge: `AssumeRolePolicy` is the trust policy of the edge's role. */
export interface StatementRef {
  policy: string;
  statementIndex: number;
  /** The group whose policy this is, when the principal holds it through a group. */
  group?: string;
}

/** Nodes are written `user:<name>`, `role:<name>` and `service:<principal>`. */
type EdgeVia = "sts:AssumeRole" | "trust" | "ram:PassRole" | "eas:CreateService" | "eas:UpdateService";

export interface PathEdge {
  from: string;
  to: string;
  via: EdgeVia;
  /** The first deciding statement; `statements` holds every one that allows it. */
  statement: StatementRef;
  statements: StatementRef[];
}

type PathKind = "assume" | "pass-to-eas" | "chain";

export interface AccessPath {
  principal: PrincipalRef;
  kind: PathKind;
  /** The roles the path goes through, first to last; the last is the role reached. */
  roles: string[];
  edges: PathEdge[];
  /** The one edge whose removal breaks the path: its index in `edges`, and the edge. */
  cut: PathEdge & { edge: number };
}

export const nodeId = {
  user: (name: string) => `user:${name}`,
  role: (name: string) => `role:${name}`,
  service: (principal: string) => `service:${principal}`,
  of: (p: PrincipalRef) => `${p.type}:${p.name}`,
};
