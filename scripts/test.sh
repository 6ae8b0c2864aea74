#!/usr/bin/env bash
# `npm test`: every check and test, ending with one line `N passed, N failed` (unit + e2e).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
mkdir -p reports
rm -f reports/unit.json reports/e2e.json

status=0
step() { echo; echo "▶ $*"; "$@" || status=1; }

step bash scripts/ensure-chromium.sh
step npx eslint .
step npx tsc --noEmit
step npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
if [ "$status" -eq 0 ]; then
  step npx next build
fi
if [ "$status" -eq 0 ]; then
  rm -rf data/e2e-*
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json step npx playwright test --reporter=list,json
fi

node -e '
const fs = require("fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
const u = read("reports/unit.json"), e = read("reports/e2e.json");
const passed = (u ? u.numPassedTests : 0) + (e ? e.stats.expected + e.stats.flaky : 0);
const failed = (u ? u.numFailedTests : 0) + (e ? e.stats.unexpected : 0);
console.log(`\n${passed} passed, ${failed} failed`);
'
exit "$status"
