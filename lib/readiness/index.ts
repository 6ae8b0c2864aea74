// Will this role work for this config: the facts, the one rule table, the trust explanation. Pure.
export * from "./facts";
export * from "./evidence";
// The one evaluation of needs against a role's policies (lib/policy, as RAM decides).
export { checkNeeds } from "../service-config/check";
