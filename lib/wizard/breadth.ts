import type { NamedPolicy } from "../policy/types";

/** Why a role is far broader than a service's needs: full-access policies, and policies that allow `*` actions. */
export interface Breadth {
  fullAccess: string[];
  starActions: string[];
}

const FULL_ACCESS = /(^AdministratorAccess$|FullAccess$)/;
const STAR = /(^|:)\*$/;

export function roleBreadth(policies: readonly NamedPolicy[]): Breadth | null {
  const fullAccess = policies.filter((p) => FULL_ACCESS.test(p.name)).map((p) => p.name);
  const starActions = policies
    .filter((p) => !fullAccess.includes(p.name) && p.document.Statement.some((s) => s.Effect === "Allow" && (s.Action ?? []).some((a) => STAR.test(a))))
    .map((p) => p.name);
  return fullAccess.length + starActions.length > 0 ? { fullAccess, starActions } : null;
}
