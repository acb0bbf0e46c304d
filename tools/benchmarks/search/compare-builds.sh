#!/usr/bin/env bash
# Two builds of the server, one store, the same minutes: the machine's speed drifts by up to 2× from one
# quarter hour to the next, so a change is measured as the ratio of two builds run in turn, not against a
# figure taken earlier. For each round, each build in turn serves the store (cache off, access log off) and
# each search is measured one request at a time (wrk -c1): p50, p99 and the server's CPU per request.
#
#   bash tools/benchmarks/search/compare-builds.sh STORE_DATA_DIR BUILD_A BUILD_B [ROUNDS]
#
# STORE_DATA_DIR holds a store with the catalog and search plugins (the search benchmark's, or any loaded
# with killrvideo-load); BUILD_A and BUILD_B are build trees (e.g. a worktree of the earlier commit built
# with `cmake --build build --target killrvideo catalog search`). SEARCHES overrides the query strings; a
# {n} in one is replaced by a number that changes every request (varying-query.lua), as run.sh does for the
# semantic searches.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source tools/benchmarks/lib/http-bench.sh
[ $# -ge 3 ] || { sed -n 2,12p "$0"; exit 2; }
data_dir=$(realpath "$1"); builds=("$(realpath "$2")" "$(realpath "$3")"); rounds=${4:-3}
searches=${SEARCHES:-"mode=keyword&query=cassandra&pageSize=20 mode=semantic&query=Video%20{n}:%20python%20in%20practice&pageSize=20 mode=semantic&query=quantum%20gardening%20for%20cats%20{n}&pageSize=20"}
ensure_wrk

work=$(mktemp -d)
server_pid=""
stop_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
trap 'stop_server; rm -rf "$work"' EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# wrk_at SEARCH URL DURATION FIRST: one connection; a search with {n} counts it up from FIRST.
wrk_at() {
  if [[ $1 == *"{n}"* ]]; then
    wrk -t1 -c1 -d"$3" --latency -s tools/benchmarks/search/varying-query.lua "$2" "/api/v1/search/videos?$1" "$4"
  else
    wrk -t1 -c1 -d"$3" --latency "$2"
  fi
}

echo "| round | build | search | p50 | p99 | server CPU ms per request |"
echo "|---:|---|---|---:|---:|---:|"
for round in $(seq "$rounds"); do
  for build in "${builds[@]}"; do
    port=$(free_port)
    printf 'server: { listen: 127.0.0.1, access_log: "off", response_cache_ms: 0 }\nauth: { development: true }\ndatabase: { backend: embedded, embedded: { data_dir: %s } }\nplugins:\n  - { name: catalog }\n  - { name: search }\n' \
      "$data_dir" > "$work/config.yaml"
    "$build/bin/killrvideo" --config "$work/config.yaml" --port "$port" > "$work/server.log" 2>&1 &
    server_pid=$!
    wait_for "http://127.0.0.1:$port/"
    for search in $searches; do
      url="http://127.0.0.1:$port/api/v1/search/videos?${search//\{n\}/50007}"
      wrk_at "$search" "$url" 2s 10000 >/dev/null  # warm-up, on other queries than the measured ones
      before=$(cpu_ticks "$server_pid")
      out=$(wrk_at "$search" "$url" "$duration" 50000)
      after=$(cpu_ticks "$server_pid")
      requests=$(awk '/requests in/ { print $1 }' <<<"$out")
      echo "| $round | $(basename "$(dirname "$build")")/$(basename "$build") | \`${search}\` |" \
           "$(awk '$1 == "50%" { print $2 }' <<<"$out") | $(awk '$1 == "99%" { print $2 }' <<<"$out") |" \
           "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", 1000 * t / hz / n }') |"
    done
    stop_server
  done
done
