import { asList } from "../policy/lists";
import { actionMatches } from "../policy/wildcard";
import type { NamedPolicy } from "../policy/types";
import type { Coverage, ServiceUse, UnusedFinding } from "./types";

// What went unused in the window, claimed only where the console could see: an action needs
// ActionTrail read for every day of the window (and, for an OSS object action, a trail that
// records OSS data events); a service may also be known unused from RAM's permission audit,
// which sees every access; a role is unused when neither saw a call.

interface UnusedInput {
  roleName: string;
  policies: readonly NamedPolicy[];
  used: readonly ServiceUse[];
  coverage: Coverage;
  /** Actions the platform uses with the role at deploy: not the role's calls, never unused. */
  deployActions?: readonly string[];
  /** RAM's permission audit: last access per service namespace; undefined when it could not be read. */
  audit?: ReadonlyMap<string, string | undefined>;
}

const OSS_DATA_ACTION = /^oss:.*object/i;
const prefixOf = (pattern: string) => pattern.split(":")[0].toLowerCase();

function trailComplete(c: Coverage): boolean {
  return c.daysSeen >= c.days && !c.gaps.some((g) => g.kind !== "audit_unavailable");
}

export function findUnused(input: UnusedInput): UnusedFinding[] {
  const { coverage, audit } = input;
  const complete = trailComplete(coverage);
  const from = coverage.from;
  const seen = input.used.flatMap((s) => s.actions.map((a) => a.action));
  const needed = input.deployActions ?? [];
  const seenServices = new Set(input.used.map((s) => s.service));
  const auditUsed = (ns: string) => {
    const t = audit?.get(ns);
    return t !== undefined && t >= from;
  };
  const latestAudit = audit ? [...audit.values()].filter((t): t is string => t !== undefined).sort().at(-1) ?? null : null;

  const out: UnusedFinding[] = [];
  const auditSawAnything = audit ? [...audit.keys()].some(auditUsed) : false;
  if (seen.length === 0 && !auditSawAnything && (complete || audit)) {
    out.push({ kind: "role", name: input.roleName, lastUsed: latestAudit });
    return out;
  }

  const patterns = [...new Set(input.policies.flatMap((p) => p.document.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => asList(s.Action))))];
  const namespaces = [...new Set(patterns.map(prefixOf).filter((ns) => ns !== "*" && !ns.includes("*")))].sort();
  const unusedServices = new Set<string>();
  for (const ns of namespaces) {
    if (seenServices.has(ns) || auditUsed(ns) || needed.some((a) => prefixOf(a) === ns)) continue;
    const trailSees = complete && (ns !== "oss" || coverage.ossDataEvents);
    if (!trailSees && !audit?.has(ns)) continue;
    unusedServices.add(ns);
    out.push({ kind: "service", name: ns, lastUsed: audit?.get(ns) ?? null });
  }
  if (!complete) return out;
  for (const pattern of patterns.sort()) {
    if (pattern === "*" || unusedServices.has(prefixOf(pattern))) continue;
    if ([...seen, ...needed].some((a) => actionMatches(pattern, a))) continue;
    if (OSS_DATA_ACTION.test(pattern) && !coverage.ossDataEvents) continue;
    out.push({ kind: "action", name: pattern, lastUsed: null });
  }
  return out;
}
