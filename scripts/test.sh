#!/usr/bin/env bash
# `npm test`: every check and test. Ends with one line `N passed, N failed`, where a stage that
# failed or could not run counts as a failure too, and the lines above it say which stage.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
mkdir -p reports
rm -f reports/unit.json reports/e2e*.json reports/e2e-*.log reports/soak.json reports/soak.log reports/replicas.json reports/stages.txt

# Each stage's line in reports/stages.txt carries its wall time, to see where the run goes.
stage() {
  local name="$1"; shift
  local started=$SECONDS
  echo; echo "▶ $name: $*"
  if "$@"; then echo "$name passed in $((SECONDS - started)) s" >> reports/stages.txt; return 0; fi
  echo "$name failed in $((SECONDS - started)) s" >> reports/stages.txt; return 1
}
skip() { echo "$1 not run ($2)" >> reports/stages.txt; }

# One throwaway PostgreSQL for the run (Debian's postgresql package; a Unix socket in a temporary
# directory, no port): the store contract tests and the replicas test make their databases on it.
start_postgres() {
  local out
  out="$(npx tsx tests/db/postgres-server.ts start)" || return 1
  ROLESCOPE_TEST_POSTGRES_DIR="$(node -e 'console.log(JSON.parse(process.argv[1]).dir)' "$out")"
  export ROLESCOPE_TEST_POSTGRES_DIR
  trap 'npx tsx tests/db/postgres-server.ts stop "$ROLESCOPE_TEST_POSTGRES_DIR"' EXIT
}

stage setup bash scripts/ensure-chromium.sh
stage postgres start_postgres
# Five minutes of credential rotations, beside the other stages (mostly idle: it waits between calls).
echo; echo "▶ soak: in the background, log in reports/soak.log"
( stage soak npx vitest run --config vitest.soak.config.mts --reporter=default --reporter=json --outputFile.json=reports/soak.json ) > reports/soak.log 2>&1 &
soak_pid=$!
# The static checks run beside the build; neither needs the other.
echo; echo "▶ lint and typecheck: beside the build, log in reports/static.log"
( stage lint npm run lint; stage typecheck npx tsc --noEmit ) > reports/static.log 2>&1 &
static_pid=$!
built=0
stage build npx next build && built=1
wait "$static_pid"
cat reports/static.log

stage unit npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
# The suites that deploy through the emulator, again under the switches that take away what the
# console must not lean on: the platform's words (opaque texts) and a deep merge (shallow merge).
# The unit stage above runs them as the platform speaks and under --generic-role-errors.
for mode in event-texts-opaque update-merge-shallow; do
  stage "emulator-$mode" env ROLESCOPE_EMULATOR_MODES="$mode" npx vitest run lib/fixes/diagnose-and-fix.test.ts lib/preflight/preflight.emulator.test.ts tests/readiness/witness.test.ts
done

# End-to-end specs in two shards side by side, after the unit stage (beside it, both starve on two
# cores and specs time out), each with its own console, emulator and store on ports of their own,
# ten apart (an emulator takes its base port and one per EAS region after it). Most of an e2e
# test's time is spent waiting on the browser and the emulator's deploy delay, not on the CPU. A
# spec that fails once is run once more and reported as flaky.
E2E_SHARDS="${E2E_SHARDS:-2}"
run_e2e() {
  local pids=() i ok=0
  rm -rf data/e2e-*
  for i in $(seq 1 "$E2E_SHARDS"); do
    E2E_PORT=$((3300 + 10 * i)) E2E_EMULATOR_PORT=$((4800 + 10 * i)) PLAYWRIGHT_JSON_OUTPUT_NAME="reports/e2e-$i.json" \
      npx playwright test --shard="$i/$E2E_SHARDS" --retries=1 --reporter=list,json > "reports/e2e-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || ok=1; done
  return $ok
}
if [ "$built" = 1 ]; then
  stage replicas npx vitest run --config tests/replicas/vitest.config.mts --reporter=default --reporter=json --outputFile.json=reports/replicas.json
  echo; echo "▶ e2e: $E2E_SHARDS shards, logs in reports/e2e-*.log"
  stage e2e run_e2e
  for f in reports/e2e-*.log; do echo "── $f"; cat "$f"; done
else
  skip replicas "build failed"
  skip e2e "build failed"
fi

echo; echo "▶ soak: waiting for it to end"
wait "$soak_pid"
grep -E "soak:|Tests|FAIL" reports/soak.log | tail -n 5

node scripts/test-summary.mjs reports
