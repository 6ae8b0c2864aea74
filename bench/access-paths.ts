// Access paths for a large account, generated in memory: 1,000 RAM users in 50 groups, 1,000
// roles and 200 custom policies. Times building the graph and answering "who can act as this
// role" for every role; prints the peak RSS. Goal: under 2 s.
import { buildAccessGraph } from "../lib/access/graph";
import { pathsToRole } from "../lib/access/paths";
import type { AccessInventory } from "../lib/access/types";
import type { NamedPolicy, PolicyDocument, Statement } from "../lib/policy/types";

const UID = "1784200000000001";
const USERS = 1_000;
const GROUPS = 50;
const ROLES = 1_000;
const POLICIES = 200;

const role = (i: number) => `role-${i}`;
const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: "1", Statement });

// Policies of every kind the graph reads: PassRole on a team's roles (some bound to EAS, some to
// another service, some time-bound), EAS deploy rights, AssumeRole grants, and plain data access.
function policy(n: number): NamedPolicy {
  const team = n % 40;
  const statements: Statement[] = [{ Effect: "Allow", Action: ["oss:GetObject", "oss:ListObjects"], Resource: [`acs:oss:*:*:bucket-${n}/*`] }];
  if (n % 4 === 0) statements.push({ Effect: "Allow", Action: ["ram:PassRole"], Resource: [`acs:ram::*:role/role-${team}*`], Condition: { StringEquals: { "acs:Service": ["eas.pai.aliyuncs.com"] } } });
  if (n % 4 === 1) statements.push({ Effect: "Allow", Action: ["ram:PassRole"], Resource: [`acs:ram::*:role/${role(n)}`], Condition: { StringEquals: { "acs:Service": ["ecs.aliyuncs.com"] } } });
  if (n % 4 === 2) statements.push({ Effect: "Allow", Action: ["eas:CreateService", "eas:UpdateService"], Resource: [`acs:eas:*:*:service/team-${team}-*`] });
  if (n % 4 === 3) statements.push({ Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [`acs:ram::${UID}:role/role-${n}*`], Condition: { DateLessThan: { "acs:CurrentTime": ["2030-01-01T00:00:00Z"] } } });
  if (n % 50 === 0) statements.push({ Effect: "Deny", Action: ["eas:DeleteService"], Resource: ["*"] });
  return { name: `custom-${n}`, type: "Custom", document: doc(...statements) };
}

function inventory(): AccessInventory {
  const policies = Array.from({ length: POLICIES }, (_, n) => policy(n));
  const groupPolicies = Array.from({ length: GROUPS }, (_, g) => [policies[(g * 4) % POLICIES], policies[(g * 4 + 2) % POLICIES]]);
  const users = Array.from({ length: USERS }, (_, u) => {
    const g = u % GROUPS;
    const own = [policies[(u * 7) % POLICIES], policies[(u * 13 + 3) % POLICIES]];
    const fromGroup = Object.fromEntries(groupPolicies[g].map((p) => [p.name, `group-${g}`]));
    return { name: `user-${u}`, policies: [...own, ...groupPolicies[g]], fromGroup };
  });
  const roles = Array.from({ length: ROLES }, (_, r) => {
    const trusted: Statement["Principal"] =
      r % 3 === 0 ? { Service: ["eas.pai.aliyuncs.com"] } : r % 3 === 1 ? { RAM: [`acs:ram::${UID}:root`] } : { RAM: [`acs:ram::${UID}:role/${role(r - 1)}`, `acs:ram::${UID}:user/user-${r}`] };
    return {
      name: role(r),
      arn: `acs:ram::${UID}:role/${role(r)}`,
      trust: doc({ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: trusted }),
      policies: [policies[(r * 3) % POLICIES], policies[(r * 11 + 3) % POLICIES]],
    };
  });
  return { accountId: UID, users, roles };
}

const inv = inventory();
const start = performance.now();
const graph = buildAccessGraph(inv, { now: new Date("2026-12-07T00:00:00Z") });
let paths = 0;
const reached = new Set<string>();
for (const r of inv.roles) {
  for (const p of pathsToRole(graph, r.name)) {
    paths++;
    reached.add(`${p.principal.type}:${p.principal.name}`);
  }
}
const seconds = (performance.now() - start) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`  ${paths} paths; ${reached.size} principals reach at least one role; ${inv.users.length + inv.roles.length} principals in the graph`);
console.log(`  peak RSS: ${peakMb.toFixed(0)} MB`);
console.log(`access-paths: ${seconds.toFixed(2)} s, ${inv.users.length + inv.roles.length} principals, ${inv.roles.length} roles${seconds < 2 ? "" : " (over the 2 s goal)"}`);
