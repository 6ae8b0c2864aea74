import { asList } from "./lists";
import { compileConditions, type CompiledCondition } from "./conditions";
import { compilePrincipal, type PrincipalMatcher } from "./principal-match";
import type { Effect, PolicyDocument, Statement } from "./types";
import { compileGlobs, type StringMatcher } from "./wildcard";

interface CompiledStatement {
  index: number;
  effect: Effect;
  /** Takes the lower-cased action. */
  action: StringMatcher;
  notAction: boolean;
  /** Undefined when the statement names no resource (trust policies): any resource. */
  resource?: StringMatcher;
  notResource: boolean;
  principal?: PrincipalMatcher;
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  statements: CompiledStatement[];
  /** The statements whose Action/NotAction admits the action, keyed by lower-cased action. */
  byAction(action: string): CompiledStatement[];
}

const MAX_MEMO = 4_096;
const cache = new WeakMap<PolicyDocument, CompiledPolicy>();

function compileStatement(s: Statement, index: number): CompiledStatement {
  const hasResource = s.Resource !== undefined || s.NotResource !== undefined;
  return {
    index,
    // Anything but a valid Allow is read as Deny: a malformed statement must never grant.
    effect: s.Effect === "Allow" ? "Allow" : "Deny",
    action: compileGlobs(asList(s.Action ?? s.NotAction), true),
    notAction: s.Action === undefined && s.NotAction !== undefined,
    resource: hasResource ? compileGlobs(asList(s.Resource ?? s.NotResource), false) : undefined,
    notResource: s.Resource === undefined && s.NotResource !== undefined,
    principal: s.Principal ? compilePrincipal(s.Principal) : undefined,
    conditions: compileConditions(s.Condition),
  };
}

function compileDocument(doc: PolicyDocument): CompiledPolicy {
  const raw = Array.isArray(doc?.Statement) ? doc.Statement : [];
  const statements = raw.flatMap((s, i) => (typeof s === "object" && s !== null ? [compileStatement(s, i)] : []));
  const memo = new Map<string, CompiledStatement[]>();
  return {
    statements,
    byAction(action) {
      let hit = memo.get(action);
      if (hit) return hit;
      hit = statements.filter((st) => st.action(action) !== st.notAction);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(action, hit);
      return hit;
    },
  };
}

/**
 * Compiles once per document object. Documents are treated as immutable: a caller that edits
 * one in place must evaluate a copy, or it will be judged by its old content.
 */
export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  if (typeof doc !== "object" || doc === null) return compileDocument(doc);
  let compiled = cache.get(doc);
  if (!compiled) {
    compiled = compileDocument(doc);
    cache.set(doc, compiled);
  }
  return compiled;
}
