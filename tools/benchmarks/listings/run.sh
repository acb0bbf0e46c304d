#!/usr/bin/env bash
# Listings at scale: for each N, generates N videos in the KillrVideo CSV format, loads them with
# killrvideo-load into a fresh embedded store (timed), starts the real server and a bare Pistache server,
# and measures each listing with wrk beside the bare constant route, interleaved in the same minute.
# Prints one markdown table per N (req/s, p50, p99, share of bare Pistache) and the server's memory.
#
#   bash tools/benchmarks/listings/run.sh 500 10000 100000     # default: 500 10000
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(500 10000)
duration=${WRK_DURATION:-5s}
connections=${WRK_CONNECTIONS:-16}

command -v wrk >/dev/null || { bash tools/install-deps.sh; sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo; $sudo_cmd apt-get install -y -qq wrk; }
cmake -S . -B build -DKILLRVIDEO_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j2 --target killrvideo killrvideo-load killrvideo-bench-bare accounts catalog >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
wait_for() { for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

# "req/s p50 p99" of one wrk run.
measure() {
  wrk -t2 -c"$connections" -d"$duration" --latency "$1" | awk '
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
  - { name: accounts }
  - { name: catalog }
YAML
  load_start=$(date +%s.%N)
  build/bin/killrvideo-load --config "$work/config.yaml" "$work/csv" >"$work/load.log" 2>&1
  load_seconds=$(echo "$(date +%s.%N) - $load_start" | bc | xargs printf "%.1f")

  port=$(free_port); bare_port=$(free_port)
  build/bin/killrvideo --config "$work/config.yaml" --port "$port" >"$work/server.log" 2>&1 & server_pid=$!
  build/bin/killrvideo-bench-bare --port "$bare_port" >/dev/null 2>&1 & bare_pid=$!
  base="http://127.0.0.1:$port"
  wait_for "$base/"; wait_for "http://127.0.0.1:$bare_port/"
  video=$(curl -s "$base/api/v1/videos/latest?pageSize=1" | sed -E 's/.*"videoId":"([^"]+)".*/\1/')
  uploader=$(curl -s "$base/api/v1/videos/id/$video" | sed -E 's/.*"userId":"([^"]+)".*/\1/')
  deep_page=$(( n / 10 < 500 ? n / 10 : 500 ))
  for _ in 1 2 3; do curl -s -X POST "$base/api/v1/videos/id/$video/view" >/dev/null; done

  echo "### $n videos"
  echo
  echo "Loaded in $load_seconds s ($(grep -m1 'videos_cleaned.csv:' "$work/load.log" | cut -c1-60)); server RSS after warm-up: \
$(awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' /proc/$server_pid/status)."
  echo
  echo "| route | req/s | p50 | p99 | bare Pistache req/s (same minute) | share of bare |"
  echo "|---|---:|---:|---:|---:|---:|"
  for route in "/api/v1/videos/latest?page=1&pageSize=10" "/api/v1/videos/latest?page=$deep_page&pageSize=10" \
               "/api/v1/videos/by-tag/cassandra?pageSize=10" "/api/v1/videos/by-uploader/$uploader?pageSize=10" \
               "/api/v1/videos/trending?intervalDays=30" "/api/v1/videos/id/$video"; do
    read -r rps p50 p99 <<<"$(measure "$base$route")"
    read -r bare_rps _ _ <<<"$(measure "http://127.0.0.1:$bare_port/")"
    echo "| \`${route/$uploader/{uploader\}}\` | $rps | $p50 | $p99 | $bare_rps | $(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }') |"
  done
  echo
  kill "$server_pid" "$bare_pid"; wait "$server_pid" "$bare_pid" 2>/dev/null || true
  rm -rf "$work"; trap - EXIT
done
