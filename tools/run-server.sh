#!/usr/bin/env bash
# README command 1: install what is missing, build, and serve http://localhost:8000 on the embedded store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
KILLRVIDEO_BUILD_TESTS=OFF bash tools/build.sh
exec build/bin/killrvideo --config "${KILLRVIDEO_CONFIG:-config/killrvideo.yaml}" "$@"
