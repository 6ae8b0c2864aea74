#!/usr/bin/env bash
# `npm run bench`: every benchmark, each printing its figures and one summary line. A benchmark
# that fails (say, a bundle over budget) does not stop the others; the run then exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
failed=()
for b in bench/*.ts; do
  echo "▶ $b"
  npx tsx --conditions=react-server "$b" || failed+=("$b")
  echo
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "bench: failed: ${failed[*]}"
  exit 1
fi
