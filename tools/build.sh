#!/usr/bin/env bash
# Configures and builds everything into build/ (tests included unless KILLRVIDEO_BUILD_TESTS=OFF).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKILLRVIDEO_BUILD_TESTS="${KILLRVIDEO_BUILD_TESTS:-ON}" >/dev/null
cmake --build build -j"$jobs"
