#!/usr/bin/env bash
# Runs the astra-db-ts client suite (astra-db-ts/*.test.mjs) against the killrvideo-dataapi binary given
# as $1. Installs the pinned client (package-lock.json) when node_modules is missing or older than the
# lock. Exits 77, which ctest reports as skipped, only when node or npm is not installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$1"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED: the astra-db-ts client suite needs node and npm (bash tools/install-deps.sh installs them)"
  exit 77
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
KILLRVIDEO_DATAAPI_BIN="$binary" exec node --test --test-concurrency=1 "$here"/astra-db-ts/*.test.mjs
