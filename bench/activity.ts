// Activity benchmark: 1,000,000 ActionTrail events of 1,000 roles' sessions, made one at a time by
// a generator (never all in memory), each narrowed to a use of its role and folded into the
// aggregator the console reads ActionTrail with; then every role's summary and its unused access.
// Prints the time, the events and the process's peak RSS.
import type { TrailEvent } from "../lib/cloud/trail-types";
import { ActivityAggregator } from "../lib/activity/aggregate";
import { toActivityEvent } from "../lib/activity/trail-events";
import { findUnused } from "../lib/activity/unused";
import type { NamedPolicy } from "../lib/policy/types";

const EVENTS = 1_000_000;
const ROLES = 1_000;
const DAY_MS = 86_400_000;
const ACTIONS = [["Oss", "GetObject"], ["Oss", "ListObjects"], ["Oss", "PutObject"], ["Cr", "PullRepository"], ["Odps", "Select"], ["Sts", "AssumeRole"]] as const;
const now = Date.now();

function* events(): Generator<TrailEvent> {
  for (let i = 0; i < EVENTS; i++) {
    const role = `eas-role-${(i * 7919) % ROLES}`;
    const [serviceName, eventName] = ACTIONS[i % ACTIONS.length];
    yield {
      eventId: `e-${i}`,
      eventName,
      serviceName,
      eventTime: new Date(now - (i % (90 * 24)) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      resourceName: serviceName === "Oss" ? `acs:oss:*:*:bucket-${i % 50}/models/v${i % 7}/part-${i % 400}.bin` : `acs:${serviceName.toLowerCase()}:*:*:thing-${i % 20}`,
      resourceType: "ACS::OSS::Object",
      errorCode: i % 97 === 0 ? "AccessDenied" : "",
      eventRW: "Read",
      acsRegion: "cn-hangzhou",
      userIdentity: { type: "assumed-role", principalId: `3${i % ROLES}:s`, userName: `${role}:session-${i % 3}`, arn: "" },
    };
  }
}

const POLICIES: NamedPolicy[] = [{ name: "AliyunOSSFullAccess", document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:*", "cr:*", "ecs:*"], Resource: ["*"] }] } }];

const started = process.hrtime.bigint();
const agg = new ActivityAggregator();
for (const e of events()) {
  const a = toActivityEvent(e);
  if (a) agg.add(a);
}
const coverage = { from: new Date(now - 90 * DAY_MS).toISOString(), to: new Date(now).toISOString(), days: 90, daysSeen: 90, sources: ["actiontrail" as const], gaps: [], ossDataEvents: agg.ossDataEvents };
let unused = 0;
for (const name of agg.roleNames()) unused += findUnused({ roleName: name, policies: POLICIES, used: agg.role(name)?.services ?? [], coverage }).length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakMiB = process.resourceUsage().maxRSS / 1024;
if (agg.events !== EVENTS || agg.roleNames().length !== ROLES) throw new Error(`activity: folded ${agg.events} events of ${agg.roleNames().length} roles, expected ${EVENTS} of ${ROLES}`);
console.log(`  ${agg.roleNames().length} roles, ${unused} unused findings`);
console.log(`activity: ${seconds.toFixed(2)} s, ${agg.events.toLocaleString("en-US")} events, peak RSS ${peakMiB.toFixed(0)} MiB`);
