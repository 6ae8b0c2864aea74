import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffPolicies, grantsMore } from "./diff";
import { evaluate } from "./evaluate";
import { diffJsonLines } from "./json-lines";
import { lintPolicy } from "./lint";
import { parsePolicy } from "./parse";
import { serializePolicy } from "./serialize";
import { canAssume } from "./trust";
import type { EvaluationRequest, PolicyDocument } from "./types";

const word = fc.constantFrom("oss", "ram", "sts", "eas", "*", "Get*", "PassRole", "AssumeRole", "?x", "", "acs", "a.b", "::", "Effect");
const action = fc.oneof(fc.constant("*"), fc.tuple(word, word).map(([a, b]) => `${a}:${b}`), fc.string({ maxLength: 8 }));
const resource = fc.oneof(fc.constant("*"), fc.tuple(word, word, word).map(([s, a, r]) => `acs:${s}::${a}:${r}/*`), fc.string({ maxLength: 8 }));
const strings = (g: fc.Arbitrary<string>) => fc.oneof(g, fc.array(g, { maxLength: 3 }));
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constantFrom("10.0.0.0/8", "2026-01-01T00:00:00Z", "1700000000", "true"));
const operator = fc.constantFrom("StringEquals", "StringLike", "StringNotEquals", "NumericLessThan", "DateLessThan", "Bool", "IpAddress", "NotIpAddress", "Bogus", "stringequals");
const key = fc.constantFrom("acs:SourceIp", "acs:CurrentTime", "acs:MFAPresent", "acs:ResourceTag/team", "bad");
const condition = fc.dictionary(operator, fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 2 }), { maxKeys: 2 });
const principal = fc.record(
  { RAM: strings(fc.constantFrom("acs:ram::1:root", "acs:ram::1:user/u", "2", "*")), Service: strings(fc.constantFrom("eas.pai.aliyuncs.com", "x.aliyuncs.com")), Federated: strings(fc.constant("acs:ram::1:saml-provider/p")) },
  { requiredKeys: [] },
);
const statement = fc.record(
  {
    Sid: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
    Effect: fc.constantFrom("Allow", "Deny", "allow", 1),
    Action: strings(action),
    NotAction: strings(action),
    Resource: strings(resource),
    NotResource: strings(resource),
    Principal: fc.oneof(principal, fc.string({ maxLength: 3 })),
    Condition: condition,
  },
  { requiredKeys: ["Effect"] },
);
const documentArb = fc.record(
  { Version: fc.constantFrom("1", "2", 1), Statement: fc.oneof(fc.array(statement, { maxLength: 5 }), statement), Extra: fc.anything({ maxDepth: 2 }) },
  { requiredKeys: ["Statement"] },
);
// Mutations: valid-looking documents as text with a character dropped, swapped or duplicated.
const mutated = fc.tuple(documentArb, fc.nat(), fc.constantFrom("drop", "dup", "brace")).map(([d, at, how]) => {
  const text = JSON.stringify(d);
  const i = at % Math.max(1, text.length);
  return how === "drop" ? text.slice(0, i) + text.slice(i + 1) : how === "dup" ? text.slice(0, i) + text[i] + text.slice(i) : text.slice(0, i) + "{" + text.slice(i);
});
// Mostly valid documents, so that round-trips and evaluation get exercised too.
const validAction = fc.constantFrom("*", "oss:*", "oss:Get*", "ram:PassRole", "sts:AssumeRole", "eas:?reateService", "*:Describe*");
const validResource = fc.constantFrom("*", "acs:oss:*:*:b/*", "acs:ram::*:role/r", "acs:eas:cn-hangzhou:1:service/s?");
const validCondition = fc.dictionary(
  fc.constantFrom("IpAddress", "StringLike", "Bool", "DateLessThan"),
  fc.constantFrom({ "acs:SourceIp": ["10.0.0.0/8"] }, { "acs:CurrentTime": "2026-03-01T00:00:00Z" }, { "acs:MFAPresent": true }, { "acs:ResourceTag/t": ["a*", "b"] }),
  { maxKeys: 2 },
);
const validStatement = fc.record(
  {
    Effect: fc.constantFrom("Allow", "Deny"),
    Action: strings(validAction).filter((a) => a.length > 0),
    Resource: strings(validResource).filter((r) => r.length > 0),
    Principal: fc.record({ RAM: fc.constantFrom("acs:ram::1:root", ["acs:ram::1:user/u"]), Service: fc.constant(["eas.pai.aliyuncs.com"]) }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0),
    Condition: validCondition,
    Sid: fc.constantFrom("a", "b"),
  },
  { requiredKeys: ["Effect", "Action", "Resource"] },
);
const validDoc = fc.record({ Version: fc.constant("1"), Statement: fc.array(validStatement, { maxLength: 6 }) });
const input = fc.oneof({ arbitrary: validDoc, weight: 3 }, documentArb, mutated, fc.anything({ maxDepth: 3 }));

const now = new Date("2026-06-01T00:00:00Z");

describe("fuzz: the engine never throws, and valid documents round-trip", () => {
  it("parse / lint / evaluate / canAssume / diff on 12,000 generated and mutated documents", () => {
    let valid = 0;
    fc.assert(
      fc.property(input, input, (a, b) => {
        for (const kind of ["permission", "trust"] as const) {
          const r = parsePolicy(a, { kind });
          if (!r.ok) {
            // A refusal always says why.
            expect(r.errors.length).toBeGreaterThan(0);
            continue;
          }
          valid++;
          expect(parsePolicy(serializePolicy(r.policy), { kind })).toEqual(r);
          canAssume(r.policy, { type: "Service", service: "eas.pai.aliyuncs.com" });
        }
        lintPolicy(a, { now, usedByEas: true });
        // A document never grants more than itself.
        if (parsePolicy(a).ok) expect(grantsMore(a as never, a as never)).toBe(false);
        diffPolicies(typeof a === "string" ? a : (a as never), typeof b === "string" ? b : (b as never));
        diffJsonLines(a as never, b as never);
      }),
      { numRuns: 12_000, seed: 20261129 },
    );
    expect(valid).toBeGreaterThan(1_000);
  }, 120_000);
});

// Requests over the same small vocabulary as the valid documents, so that statements match.
const request = fc.record({
  action: fc.constantFrom("oss:GetObject", "oss:PutObject", "ram:PassRole", "sts:AssumeRole", "eas:CreateService", "ecs:DescribeInstances"),
  resource: fc.constantFrom("acs:oss:*:*:b/k", "acs:ram::*:role/r", "acs:eas:cn-hangzhou:1:service/s1", "acs:ecs:*:*:instance/i"),
  context: fc.record(
    {
      "acs:SourceIp": fc.constantFrom("10.1.1.1", "8.8.8.8"),
      "acs:CurrentTime": fc.constantFrom("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"),
      "acs:MFAPresent": fc.constantFrom("true", "false"),
      "acs:ResourceTag/t": fc.constantFrom("a1", "b", "c"),
    },
    { requiredKeys: [] },
  ),
});
// Permission statements that always parse, with plain and negated conditions whose keys the
// request may or may not carry.
const conditionPairs = fc.subarray(
  [
    ["IpAddress", { "acs:SourceIp": ["10.0.0.0/8"] }],
    ["NotIpAddress", { "acs:SourceIp": ["10.0.0.0/8"] }],
    ["StringLike", { "acs:ResourceTag/t": ["a*", "b"] }],
    ["StringNotEquals", { "acs:ResourceTag/t": ["c"] }],
    ["Bool", { "acs:MFAPresent": ["true"] }],
    ["DateLessThan", { "acs:CurrentTime": ["2026-03-01T00:00:00Z"] }],
  ] as const,
  { maxLength: 2 },
);
const permStatement = fc.record(
  {
    Effect: fc.constantFrom("Allow", "Deny"),
    Action: fc.array(validAction, { minLength: 1, maxLength: 2 }),
    Resource: fc.array(validResource, { minLength: 1, maxLength: 2 }),
    Condition: conditionPairs.map((pairs) => Object.fromEntries(pairs.map(([op, kv]) => [op, { ...kv }]))),
  },
  { requiredKeys: ["Effect", "Action", "Resource"] },
);
const permDoc = fc.record({ Version: fc.constant("1"), Statement: fc.array(permStatement, { maxLength: 6 }) });
const denyStatement = permStatement.map((st) => ({ ...st, Effect: "Deny" as const }));
const run = (req: EvaluationRequest, doc: PolicyDocument) => evaluate(req, [{ name: "p", document: doc }]);
const parsed = (d: unknown): PolicyDocument => {
  const r = parsePolicy(d);
  if (!r.ok) throw new Error(`the generator made an invalid document: ${JSON.stringify(r.errors)}`);
  return r.policy;
};

describe("fuzz: invariants of the decision", () => {
  it("adding a Deny statement never yields Allow where there was none", () => {
    fc.assert(
      fc.property(permDoc, denyStatement, fc.nat(), request, (d, deny, at, req) => {
        const before = parsed(d);
        const statements = [...before.Statement];
        statements.splice(at % (statements.length + 1), 0, parsed({ Version: "1", Statement: [deny] }).Statement[0]);
        const added = parsed({ Version: "1", Statement: [deny] });
        const after = run(req, { ...before, Statement: statements });
        if (after.decision === "Allow") expect(run(req, before).decision).toBe("Allow");
        if (run(req, before).decision === "ExplicitDeny") expect(after.decision).toBe("ExplicitDeny");
        // A Deny that applies to the request on its own wins over every Allow.
        if (run(req, added).decision === "ExplicitDeny") expect(after.decision).toBe("ExplicitDeny");
      }),
      { numRuns: 3_000, seed: 20261207 },
    );
  }, 60_000);

  it("removing an Allow statement never widens access", () => {
    fc.assert(
      fc.property(permDoc, fc.nat(), request, (d, at, req) => {
        const before = parsed(d);
        const allows = before.Statement.flatMap((st, i) => (st.Effect === "Allow" ? [i] : []));
        fc.pre(allows.length > 0);
        const drop = allows[at % allows.length];
        const after = { ...before, Statement: before.Statement.filter((_, i) => i !== drop) };
        if (run(req, after).decision === "Allow") expect(run(req, before).decision).toBe("Allow");
      }),
      { numRuns: 3_000, seed: 20261208 },
    );
  }, 60_000);

  it("evaluate(doc) equals evaluate(parse(serialize(doc)))", () => {
    fc.assert(
      fc.property(permDoc, request, fc.boolean(), (d, req, pretty) => {
        const doc = parsed(d);
        const again = parsePolicy(serializePolicy(doc, { pretty }));
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect(run(req, again.policy)).toEqual(run(req, doc));
        expect(evaluate(req, [{ name: "p", document: again.policy }], { trust: true })).toEqual(evaluate(req, [{ name: "p", document: doc }], { trust: true }));
      }),
      { numRuns: 3_000, seed: 20261209 },
    );
  }, 60_000);
});
