import { parseRamPrincipal } from "./arn";
import { asList } from "./lists";
import type { Principal, PrincipalBlock } from "./types";
import { compileGlobs, type StringMatcher } from "./wildcard";

export type PrincipalMatcher = (p: Principal | undefined) => boolean;

function ramMatcher(value: string): PrincipalMatcher {
  if (value === "*") return (p) => p?.type === "RAMUser" || p?.type === "RAMRole" || p?.type === "Root";
  const ref = parseRamPrincipal(value);
  if (!ref || ref.kind === "provider") return () => false;
  const account: StringMatcher = compileGlobs([ref.account], false);
  // `acs:ram::<uid>:root` trusts the whole account: its root and every RAM user and role in it.
  // Those users and roles still need sts:AssumeRole in their own policies; that check is the caller's.
  if (ref.kind === "root") return (p) => (p?.type === "RAMUser" || p?.type === "RAMRole" || p?.type === "Root") && account(p.account);
  const name = compileGlobs([ref.name], false);
  const type = ref.kind === "user" ? "RAMUser" : "RAMRole";
  return (p) => p?.type === type && account(p.account) && name(p.name);
}

export function compilePrincipal(block: PrincipalBlock): PrincipalMatcher {
  const ram = asList(block.RAM).map(ramMatcher);
  const service = block.Service ? compileGlobs(asList(block.Service), true) : undefined;
  const federated = block.Federated ? compileGlobs(asList(block.Federated), false) : undefined;
  return (p) => {
    if (!p) return false;
    if (p.type === "Service") return service !== undefined && service(p.service.toLowerCase());
    if (p.type === "Federated") return federated !== undefined && federated(p.provider);
    return ram.some((m) => m(p));
  };
}
