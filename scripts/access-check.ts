// `npm run access-check -- --file checks.json [--json]`: access checks in a CI pipeline. Each check
// is {"principal", "action", "resource", "expect": "Allow"|"Deny"} or {"role", "mustNotBeReachableBy":
// [principals]}. Exits 0 when all hold, 1 naming each violated check, 2 on bad input naming the field.
// Credentials come from the default chain (ROLESCOPE_CLOUD=aliyun) or the emulator.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTranslator } from "use-intl/core";
import { parseChecks, runChecks, type CheckResult } from "../lib/access/checks";
import { buildAccessGraph } from "../lib/access/graph";
import { loadAccessInventory } from "../lib/access/load-inventory";
import { createCloud } from "../lib/cloud/create-cloud";
import { parseEnv } from "../lib/env";
import { ruleOf, toAppError } from "../lib/errors";
import { createInventoryDeps } from "../lib/inventory/deps";
import access from "../messages/en/access.json";

const t = createTranslator({ locale: "en", messages: { access }, namespace: "access.cli" });

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const who = (p: { type: string; name: string }) => `${p.type}:${p.name}`;

function describe(r: CheckResult): string {
  if (r.kind === "decision") {
    const line = t("decision", { index: r.index, principal: who(r.principal), action: r.action, resource: r.resource, expect: r.expect, decision: r.decision });
    return r.unknownPrincipal ? `${line} ${t("unknownPrincipal")}` : line;
  }
  if (r.unknownRole) return t("unknownRole", { index: r.index, role: r.role });
  if (r.ok) return t("unreachable", { index: r.index, role: r.role });
  return [
    t("reachable", { index: r.index, role: r.role, count: r.violations.length }),
    ...r.violations.map((p) => `    ${t("path", { principal: who(p.principal), kind: p.kind, roles: p.roles.join(" → "), cut: `${p.cut.via} ${p.cut.statement.policy}#${p.cut.statement.statementIndex}` })}`),
  ].join("\n");
}

async function main() {
  let values: { file?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ options: { file: { type: "string" }, json: { type: "boolean", default: false } } }));
  } catch (e) {
    fail(`${(e as Error).message}\n${t("usage")}`);
  }
  if (!values.file) fail(t("usage"));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.file === "-" ? 0 : values.file, "utf8"));
  } catch (e) {
    fail(t("unreadable", { file: values.file, error: (e as Error).message }));
  }
  const parsed = parseChecks(raw);
  if ("problems" in parsed) fail(parsed.problems.map(([field, issue]) => `${field} ${ruleOf(issue)}`).join("\n"));
  const env = parseEnv(process.env);
  const graph = buildAccessGraph(await loadAccessInventory(createInventoryDeps(createCloud(env), { ttlMs: 0 })));
  const results = runChecks(graph, parsed.checks);
  const violated = results.filter((r) => !r.ok);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: violated.length === 0, violated: violated.length, results }, null, 2)}\n`);
  } else {
    for (const r of results) process.stdout.write(`${r.ok ? t("ok") : t("violated")}  ${describe(r)}\n`);
    process.stdout.write(`${t("summary", { total: results.length, violated: violated.length })}\n`);
  }
  process.exit(violated.length === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  const known = toAppError(err);
  fail(t("failed", { message: known ? `${known.code}: ${known.message}` : err instanceof Error ? err.message : String(err) }));
});
