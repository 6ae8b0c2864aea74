// Policy evaluation throughput: 5 policies × 10 statements (wildcards, a Deny, conditions),
// 1,000 varied requests, warm-up first, then ~2 s measured on one thread.
import { evaluate, parsePolicy, type EvaluationRequest, type NamedPolicy } from "../lib/policy/index";

const services = ["oss", "eas", "ram", "sts", "log", "nas", "cr", "ecs"];
const verbs = ["Get", "List", "Describe", "Put", "Delete", "Create", "Update", "Pass"];
const nouns = ["Object", "Bucket", "Service", "Role", "Policy", "Logstore", "FileSystem", "Repository"];

function policy(n: number): NamedPolicy {
  const s = services[n % services.length];
  const statements: unknown[] = [
    { Effect: "Allow", Action: [`${s}:Get*`, `${s}:List*`], Resource: `acs:${s}:*:*:bucket-${n}/*` },
    { Effect: "Allow", Action: `${s}:Describe*`, Resource: "*" },
    { Effect: "Allow", Action: [`${s}:Put?bject`, `${s}:CreateService`], Resource: [`acs:${s}:cn-hangzhou:123456:svc-${n}-*`, `acs:${s}:*:*:bucket-${n}/private/*`] },
    { Effect: "Allow", Action: "ram:PassRole", Resource: `acs:ram::*:role/role-${n}`, Condition: { StringEquals: { "acs:Service": "eas.pai.aliyuncs.com" } } },
    { Effect: "Allow", Action: `${s}:*`, Resource: `acs:${s}:*:*:team-${n}/*`, Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"] } } },
    { Effect: "Allow", Action: "eas:*", Resource: `acs:eas:*:*:service/app-${n}*`, Condition: { DateLessThan: { "acs:CurrentTime": "2030-01-01T00:00:00Z" } } },
    { Effect: "Allow", Action: ["log:PostLogStoreLogs", "log:GetLogStore"], Resource: "acs:log:*:*:project/*", Condition: { Bool: { "acs:SecureTransport": "true" } } },
    { Effect: "Allow", NotAction: ["ram:*", "sts:*"], Resource: `acs:${s}:*:*:sandbox-${n}/*` },
    { Effect: "Allow", Action: "nas:Describe*", Resource: "acs:nas:*:*:filesystem/*", Condition: { StringLike: { "acs:ResourceTag/team": "ml-*" } } },
    n === 0
      ? { Effect: "Deny", Action: ["*:Delete*", "ram:*"], Resource: "*", Condition: { Bool: { "acs:MFAPresent": "false" } } }
      : { Effect: "Allow", Action: `${s}:List*`, Resource: "*", Condition: { NumericLessThan: { "acs:MaxItems": "100" } } },
  ];
  const parsed = parsePolicy({ Version: "1", Statement: statements });
  if (!parsed.ok) throw new Error(`bench policy ${n} is invalid: ${JSON.stringify(parsed.errors)}`);
  return { name: `policy-${n}`, type: "Custom", document: parsed.policy };
}

function requests(count: number): EvaluationRequest[] {
  const out: EvaluationRequest[] = [];
  let seed = 42;
  // mulberry32: deterministic, and its low bits are as random as its high ones.
  const rnd = (k: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * k | 0;
  };
  for (let i = 0; i < count; i++) {
    const s = services[rnd(services.length)];
    const n = rnd(5);
    out.push({
      principal: { type: "RAMUser", account: "123456", name: `user-${rnd(20)}` },
      action: `${s}:${verbs[rnd(verbs.length)]}${nouns[rnd(nouns.length)]}`,
      resource: [`acs:${s}:*:*:bucket-${n}/k${i}`, `acs:${s}:cn-hangzhou:123456:svc-${n}-${i}`, `acs:${s}:*:*:team-${n}/x`, `acs:ram::123456:role/role-${n}`, `acs:eas:cn-hangzhou:123456:service/app-${n}${i}`][rnd(5)],
      context: {
        "acs:CurrentTime": new Date(Date.UTC(2026, 0, 1 + rnd(365))).toISOString(),
        "acs:SourceIp": rnd(2) ? `10.${rnd(256)}.${rnd(256)}.${rnd(256)}` : `203.0.113.${rnd(256)}`,
        "acs:SecureTransport": rnd(2) === 1,
        "acs:MFAPresent": rnd(4) > 0,
        "acs:Service": rnd(2) ? "eas.pai.aliyuncs.com" : "ecs.aliyuncs.com",
        ...(rnd(2) ? { "acs:ResourceTag/team": rnd(2) ? "ml-vision" : "infra" } : {}),
      },
    });
  }
  return out;
}

const policies = [0, 1, 2, 3, 4].map(policy);
const reqs = requests(1_000);
let peakRss = process.memoryUsage().rss;
const tally: Record<string, number> = {};

function run(ms: number): { decisions: number; elapsed: number } {
  const start = performance.now();
  let decisions = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < reqs.length; i++) {
      const d = evaluate(reqs[i], policies).decision;
      tally[d] = (tally[d] ?? 0) + 1;
    }
    decisions += reqs.length;
    elapsed = performance.now() - start;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return { decisions, elapsed };
}

run(500);
for (const k of Object.keys(tally)) delete tally[k];
const { decisions, elapsed } = run(2_000);
const rate = Math.round((decisions / elapsed) * 1000);
console.log(`requests: ${reqs.length} varied, policies: ${policies.length} × ${policies[0].document.Statement.length} statements`);
console.log(`decisions: ${decisions} in ${elapsed.toFixed(0)} ms (${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(", ")})`);
console.log(`peak rss: ${(peakRss / 1024 / 1024).toFixed(1)} MiB`);
console.log(`policy-eval: ${rate} decisions/s`);
