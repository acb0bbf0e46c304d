#!/usr/bin/env bash
# Listings at scale: for each N, generates N videos in the KillrVideo CSV format, loads them with
# killrvideo-load into a fresh embedded store (timed), starts the real server and a bare Pistache server,
# and measures each listing with wrk beside the bare constant route, interleaved in the same minute.
# Prints one markdown table per N (req/s, p50, p99, share of bare Pistache) and the server's memory.
#
#   bash tools/benchmarks/listings/run.sh 500 10000 100000     # default: 500 10000
set -euo pipefail
cd "$(dirname "$0")/../../.."
source tools/benchmarks/lib/http-bench.sh
sizes=("$@")
[ $# -eq 0 ] && sizes=(500 10000)
ensure_wrk
build_targets killrvideo killrvideo-load killrvideo-bench-bare accounts catalog

for n in "${sizes[@]}"; do
  work=$(mktemp -d)
  trap 'stop_servers; rm -rf "$work"' EXIT
  load_store "$work" "$n" accounts catalog
  start_servers "$work"
  video=$(curl -s "$base/api/v1/videos/latest?pageSize=1" | sed -E 's/.*"videoId":"([^"]+)".*/\1/')
  uploader=$(curl -s "$base/api/v1/videos/id/$video" | sed -E 's/.*"userId":"([^"]+)".*/\1/')
  deep_page=$(( n / 10 < 500 ? n / 10 : 500 ))
  for _ in 1 2 3; do curl -s -X POST "$base/api/v1/videos/id/$video/view" >/dev/null; done

  echo "### $n videos"
  echo
  echo "Loaded in $load_seconds s ($(grep -m1 -E 'videos_cleaned.csv: [0-9]+ rows loaded' "$work/load.log")); server memory after warm-up: \
$(memory_mb "$server_pid")."
  echo
  echo "| route | req/s | p50 | p99 | bare Pistache req/s (same minute) | share of bare |"
  echo "|---|---:|---:|---:|---:|---:|"
  for route in "/api/v1/videos/latest?page=1&pageSize=10" "/api/v1/videos/latest?page=$deep_page&pageSize=10" \
               "/api/v1/videos/by-tag/cassandra?pageSize=10" "/api/v1/videos/by-uploader/$uploader?pageSize=10" \
               "/api/v1/videos/trending?intervalDays=30" "/api/v1/videos/id/$video"; do
    read -r rps p50 p99 _ <<<"$(measure "$base$route")"
    read -r bare_rps _ _ <<<"$(measure "$bare")"
    echo "| \`${route/$uploader/{uploader\}}\` | $rps | $p50 | $p99 | $bare_rps | $(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }') |"
  done
  echo
  stop_servers
  rm -rf "$work"; trap - EXIT
done
