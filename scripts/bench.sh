#!/usr/bin/env bash
# `npm run bench`: every benchmark, each printing its figures and one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
for b in bench/*.ts; do
  echo "▶ $b"
  npx tsx --conditions=react-server "$b"
  echo
done
