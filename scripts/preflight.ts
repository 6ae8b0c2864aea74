// `npm run preflight -- service.json --region cn-hangzhou [--deployer bob] [--json] [--lang zh-CN]`:
// the console's preflight from a terminal or a CI pipeline, before `eascmd create`. Credentials
// come from the default chain (ROLESCOPE_CLOUD=aliyun) or the emulator. Exits 1 when any finding
// is an error. The words follow `--lang`, else the terminal's locale (LANG=zh_CN.UTF-8); the
// codes and the JSON keys are the same in every language.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTranslator } from "use-intl/core";
import { cliLocale } from "../i18n/cli-locale";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { SYSTEM_ACTOR } from "../lib/actor";
import { createCloud } from "../lib/cloud/create-cloud";
import { parseEnv } from "../lib/env";
import { toAppError } from "../lib/errors";
import { renderFieldRule } from "../lib/errors/render";
import { issueRule } from "../lib/errors/zod-rules";
import { createInventoryDeps } from "../lib/inventory/deps";
import { isReady, preflightInputSchema, runPreflight } from "../lib/preflight";

let locale: Locale = DEFAULT_LOCALE;
const translate = () => createTranslator({ locale, messages: { preflight: loadMessages(locale).preflight }, namespace: "preflight" });
let t = translate();

/** Columns a terminal gives the text: a CJK character takes two. */
const columns = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - columns(s)));

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { region: { type: "string" }, deployer: { type: "string" }, json: { type: "boolean", default: false }, lang: { type: "string" } },
    allowPositionals: true,
  });
  const chosen = cliLocale(values.lang, process.env);
  if (chosen === undefined) fail(`--lang ${t("cli.langRule")}\n${t("cli.usage")}`);
  locale = chosen;
  t = translate();
  if (positionals.length !== 1) fail(t("cli.usage"));
  const file = positionals[0];
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(t("cli.unreadable", { file, error: (e as Error).message }));
  }
  const input = preflightInputSchema.safeParse({ config: text, region: values.region, deployer: values.deployer });
  if (!input.success) fail(`${input.error.issues.map((i) => `--${String(i.path[0])} ${renderFieldRule(locale, issueRule(i))}`).join("; ")}\n${t("cli.usage")}`);
  const env = parseEnv(process.env);
  const answer = await runPreflight(createInventoryDeps(createCloud(env), { ttlMs: 0 }), SYSTEM_ACTOR, input.data, locale);
  const ready = isReady(answer);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  } else {
    for (const f of answer.findings) {
      process.stdout.write(`${pad(t(`severity.${f.severity}`), 8)} ${f.code}${f.path ? `  ${f.path}` : ""}\n  ${f.message}\n  ${t("cli.fix", { fix: f.fix })}\n\n`);
    }
    const count = (s: string) => answer.findings.filter((f) => f.severity === s).length;
    process.stdout.write(`${t("cli.summary", { errors: count("error"), warnings: count("warning"), infos: count("info"), ready: String(ready) })}\n`);
  }
  process.exit(ready ? 0 : 1);
}

main().catch((err: unknown) => {
  const known = toAppError(err);
  fail(t("cli.failed", { message: known ? `${known.code}: ${known.messageIn(locale)}` : err instanceof Error ? err.message : String(err) }));
});
