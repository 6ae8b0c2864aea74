// `npm run console-policy -- --mode read-only|full [--regions a,b] [--compact]`: the RAM policy the
// console's own identity needs, generated from the operations its gateways call. Attach it to the
// role (or user) whose credentials the console runs with.
import { parseArgs } from "node:util";
import { createTranslator } from "use-intl/core";
import { CLOUD_OPERATIONS } from "../lib/cloud/operations";
import { buildConsolePolicy, serializePolicy } from "../lib/policy";
import settings from "../messages/en/settings.json";

const t = createTranslator({ locale: "en", messages: { settings }, namespace: "settings.cli" });

function fail(message: string): never {
  process.stderr.write(`${message}\n${t("usage")}\n`);
  process.exit(2);
}

let values: { mode?: string; regions?: string; compact?: boolean };
try {
  ({ values } = parseArgs({ options: { mode: { type: "string" }, regions: { type: "string" }, compact: { type: "boolean", default: false } } }));
} catch (e) {
  fail((e as Error).message);
}
if (values.mode !== "read-only" && values.mode !== "full") fail(t("badMode"));
const regions = (values.regions ?? "").split(",").map((r) => r.trim()).filter(Boolean);
const policy = buildConsolePolicy(CLOUD_OPERATIONS, { mode: values.mode, regions });
process.stdout.write(`${serializePolicy(policy, { pretty: !values.compact })}\n`);
