#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
KILLRVIDEO_BUILD_TESTS=ON bash tools/build.sh
cd build
ctest --output-on-failure --timeout 300 -j"$(nproc 2>/dev/null || echo 2)"
