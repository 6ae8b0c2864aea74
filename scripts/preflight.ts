// `npm run preflight -- service.json --region cn-hangzhou [--deployer bob] [--json]`: the console's
// preflight from a terminal or a CI pipeline, before `eascmd create`. Credentials come from the
// default chain (ROLESCOPE_CLOUD=aliyun) or the emulator. Exits 1 when any finding is an error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTranslator } from "use-intl/core";
import { SYSTEM_ACTOR } from "../lib/actor";
import { createCloud } from "../lib/cloud/create-cloud";
import { parseEnv } from "../lib/env";
import { ruleOf, toAppError } from "../lib/errors";
import { createInventoryDeps } from "../lib/inventory/deps";
import { isReady, preflightInputSchema, runPreflight } from "../lib/preflight";
import preflight from "../messages/en/preflight.json";

const t = createTranslator({ locale: "en", messages: { preflight }, namespace: "preflight" });

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { region: { type: "string" }, deployer: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) fail(t("cli.usage"));
  const file = positionals[0];
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(t("cli.unreadable", { file, error: (e as Error).message }));
  }
  const input = preflightInputSchema.safeParse({ config: text, region: values.region, deployer: values.deployer });
  if (!input.success) fail(`${input.error.issues.map((i) => `--${String(i.path[0])} ${ruleOf(i)}`).join("; ")}\n${t("cli.usage")}`);
  const env = parseEnv(process.env);
  const answer = await runPreflight(createInventoryDeps(createCloud(env), { ttlMs: 0 }), SYSTEM_ACTOR, input.data);
  const ready = isReady(answer);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  } else {
    for (const f of answer.findings) {
      process.stdout.write(`${t(`severity.${f.severity}`).padEnd(8)} ${f.code}${f.path ? `  ${f.path}` : ""}\n  ${f.message}\n  ${t("cli.fix", { fix: f.fix })}\n\n`);
    }
    const count = (s: string) => answer.findings.filter((f) => f.severity === s).length;
    process.stdout.write(`${t("cli.summary", { errors: count("error"), warnings: count("warning"), infos: count("info"), ready: String(ready) })}\n`);
  }
  process.exit(ready ? 0 : 1);
}

main().catch((err: unknown) => {
  const known = toAppError(err);
  fail(t("cli.failed", { message: known ? `${known.code}: ${known.message}` : err instanceof Error ? err.message : String(err) }));
});
