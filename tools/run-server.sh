#!/usr/bin/env bash
# README command 1: install what is missing, build, and serve http://localhost:8000 on the embedded store.
# On the default config a first run also gets the demo data set (skipped once the store has videos).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
KILLRVIDEO_BUILD_TESTS=OFF bash tools/build.sh   # builds build/bin/killrvideo-load too
default_config=config/killrvideo.yaml
config="${KILLRVIDEO_CONFIG:-$default_config}"
if [ "$config" = "$default_config" ]; then
  build/bin/killrvideo-load --config "$config" --demo --if-empty
fi
exec build/bin/killrvideo --config "$config" "$@"
