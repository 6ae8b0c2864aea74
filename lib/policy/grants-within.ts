import { asList } from "./lists";
import { statementCovers } from "./cover";
import { actionMatches } from "./wildcard";
import type { PolicyDocument, Statement } from "./types";

// "Does policy P allow nothing that policies C do not?" Decided statement by statement on each
// (action, resource) pair P names: some Allow of C must cover the pair with conditions P's own
// imply (lib/policy/cover, sound: unsure means no). Where an Allow of C covers the pair only
// when conditions are set aside, whether C's conditions hold wherever P's do is a question about
// request contexts the engine does not decide: the answer says so instead of guessing. Every
// Deny of C must be in P too, since dropping one would widen what is allowed.

type WithinResult =
  | { holds: true }
  | { holds: false; counterexample: { action: string; resource: string } }
  | { holds: null; undecidable: { action: string; resource: string; conditionKeys: string[] } };

const conditionKeys = (...ss: Statement[]) => [...new Set(ss.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((k) => Object.keys(k))))].sort();
const withoutConditions = (s: Statement): Statement => ({ ...s, Condition: undefined });
const same = (a: Statement, b: Statement) => JSON.stringify(a) === JSON.stringify(b);

export function grantsWithin(proposal: PolicyDocument, current: readonly PolicyDocument[]): WithinResult {
  const currentStatements = current.flatMap((d) => d.Statement);
  const allows = currentStatements.filter((s) => s.Effect === "Allow");
  const proposed = proposal.Statement.filter((s) => s.Effect === "Allow");
  let undecidable: WithinResult | undefined;

  for (const deny of currentStatements.filter((s) => s.Effect === "Deny")) {
    if (proposal.Statement.some((s) => s.Effect === "Deny" && same(s, deny))) continue;
    const hit = proposed.find((p) => asList(p.Action).some((a) => asList(deny.Action).some((d) => actionMatches(d, a))));
    if (hit) return { holds: false, counterexample: { action: asList(hit.Action)[0] ?? "*", resource: asList(hit.Resource)[0] ?? "*" } };
  }

  for (const p of proposed) {
    // NotAction / NotResource in a proposal would allow an open set: never provable pair by pair.
    if (p.NotAction || p.NotResource) return { holds: false, counterexample: { action: asList(p.NotAction)[0] ? "*" : asList(p.Action)[0], resource: "*" } };
    for (const action of asList(p.Action)) {
      for (const resource of asList(p.Resource)) {
        const pair: Statement = { Effect: "Allow", Action: [action], Resource: [resource], ...(p.Condition ? { Condition: p.Condition } : {}) };
        if (allows.some((c) => statementCovers(c, pair))) continue;
        const loose = allows.find((c) => (c.Condition || p.Condition) && statementCovers(withoutConditions(c), withoutConditions(pair)));
        if (loose) {
          undecidable ??= { holds: null, undecidable: { action, resource, conditionKeys: conditionKeys(loose, pair) } };
          continue;
        }
        return { holds: false, counterexample: { action, resource } };
      }
    }
  }
  return undecidable ?? { holds: true };
}
