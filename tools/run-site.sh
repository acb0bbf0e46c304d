#!/usr/bin/env bash
# README command 3: the whole site in one command — installs what is missing, builds the server, loads the
# sample data (../shared/killrvideo-data; the demo data without it) and serves the real frontend from
# FRONTEND_DIR (default ../shared/killrvideo-frontend) with /api proxied to the server. Prints the URL.
#   bash tools/run-site.sh [FRONTEND_DIR] [--host 0.0.0.0] [--data CSV_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
KILLRVIDEO_BUILD_TESTS=OFF bash tools/build.sh   # builds build/bin/killrvideo-load too
exec node tools/site/run-site.mjs "$@"
