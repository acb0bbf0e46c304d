#!/usr/bin/env bash
# Search at scale: for each N, generates N videos in the KillrVideo CSV format (the listings benchmark's
# generator), loads them with killrvideo-load into a fresh embedded store with the catalog and search
# plugins (timed: the catalog's importer announces each video and search indexes it), starts the real
# server, and measures each search with wrk: its latency one request at a time (-c1: what a user waits),
# then its throughput at 16 connections beside a bare Pistache constant route in the same minute.
# Prints one markdown table per N (hits, p50, p99, req/s) and the server's memory.
#
#   bash tools/benchmarks/search/run.sh 10000 100000     # default: 10000 100000
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 100000)
duration=${WRK_DURATION:-5s}
connections=${WRK_CONNECTIONS:-16}

command -v wrk >/dev/null || { bash tools/install-deps.sh; sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo; $sudo_cmd apt-get install -y -qq wrk; }
cmake -S . -B build -DKILLRVIDEO_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j2 --target killrvideo killrvideo-load killrvideo-bench-bare catalog search >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
wait_for() { for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

# "req/s p50 p99" of one wrk run at $2 connections.
measure() {
  wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"$duration" --latency "$1" | awk '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 }
    END { printf "%d %s %s", rps, p50, p99 }'
}

for n in "${sizes[@]}"; do
  work=$(mktemp -d)
  trap 'kill $server_pid $bare_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  mkdir -p "$work/csv"
  awk -v N="$n" -v END_MS="$(date +%s000)" -f tools/benchmarks/listings/generate-videos.awk > "$work/csv/videos_cleaned.csv"
  cat > "$work/config.yaml" <<YAML
server: { listen: 127.0.0.1, access_log: "off" }
auth: { development: true }
database: { backend: embedded, embedded: { data_dir: $work/data } }
plugins:
  - { name: catalog }
  - { name: search }
YAML
  load_start=$(date +%s.%N)
  build/bin/killrvideo-load --config "$work/config.yaml" "$work/csv" >"$work/load.log" 2>&1
  load_seconds=$(echo "$(date +%s.%N) - $load_start" | bc | xargs printf "%.1f")

  port=$(free_port); bare_port=$(free_port)
  build/bin/killrvideo --config "$work/config.yaml" --port "$port" >"$work/server.log" 2>&1 & server_pid=$!
  build/bin/killrvideo-bench-bare --port "$bare_port" >/dev/null 2>&1 & bare_pid=$!
  base="http://127.0.0.1:$port"
  wait_for "$base/"; wait_for "http://127.0.0.1:$bare_port/"

  echo "### $n videos"
  echo
  echo "Loaded and indexed in $load_seconds s; server RSS after warm-up: \
$(awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' /proc/$server_pid/status)."
  echo
  echo "| search | hits (totalItems) | p50 (-c1) | p99 (-c1) | req/s (-c$connections) | bare Pistache req/s (-c$connections, same minute) |"
  echo "|---|---:|---:|---:|---:|---:|"
  # A rare word (one video's number), a common one (a tag: the 1,000-hit cap), a title (semantic: its
  # near-identical siblings fill the 1,000 hits), a query unlike any video (semantic: no hit), tags.
  rare=$(( n / 2 + 7 ))
  for route in "/api/v1/search/videos?mode=keyword&query=$rare&pageSize=20" \
               "/api/v1/search/videos?mode=keyword&query=cassandra&pageSize=20" \
               "/api/v1/search/videos?mode=keyword&query=cassandra&page=40&pageSize=20" \
               "/api/v1/search/videos?mode=semantic&query=Video%20$rare:%20python%20in%20practice&pageSize=20" \
               "/api/v1/search/videos?mode=semantic&query=quantum%20gardening%20for%20cats&pageSize=20" \
               "/api/v1/search/tags/suggest?query=ta&limit=10"; do
    hits=$(curl -s "$base$route" | sed -nE 's/.*"totalItems":([0-9]+).*/\1/p')
    read -r _ p50 p99 <<<"$(measure "$base$route" 1)"
    read -r rps _ _ <<<"$(measure "$base$route" "$connections")"
    read -r bare_rps _ _ <<<"$(measure "http://127.0.0.1:$bare_port/" "$connections")"
    echo "| \`${route#/api/v1/search/}\` | ${hits:--} | $p50 | $p99 | $rps | $bare_rps |"
  done
  echo
  echo "Server RSS after the runs: $(awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' /proc/$server_pid/status)."
  echo
  kill "$server_pid" "$bare_pid"; wait "$server_pid" "$bare_pid" 2>/dev/null || true
  rm -rf "$work"; trap - EXIT
done
