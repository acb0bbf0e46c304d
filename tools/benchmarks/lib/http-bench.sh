# Shared by the HTTP benchmarks (listings, search): sourced, not run. Each generates N videos, loads them
# into a fresh embedded store with killrvideo-load, and measures the real server with wrk beside the bare
# Pistache route (killrvideo-bench-bare) in the same minute.
#
#   source tools/benchmarks/lib/http-bench.sh
#   ensure_wrk
#   build_targets killrvideo killrvideo-load killrvideo-bench-bare catalog search

duration=${WRK_DURATION:-5s}
connections=${WRK_CONNECTIONS:-16}
# The server's access log: "off" measures the routes alone; "stdout" (the server's default) writes a line
# per request to <dir>/server.log.
access_log=${ACCESS_LOG:-off}
# More of the config's server block, e.g. SERVER_OPTIONS="response_cache_ms: 0".
server_options=${SERVER_OPTIONS:-}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  bash tools/install-deps.sh
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get install -y -qq wrk
}

build_targets() {
  cmake -S . -B build -DKILLRVIDEO_BUILD_BENCHMARKS=ON >/dev/null
  cmake --build build -j2 --target "$@" >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

wait_for() {
  for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done
  echo "no answer from $1" >&2
  exit 1
}

# "req/s p50 p99 failures" of one wrk run against $1 at $2 connections (default: $connections), with the
# wrk Lua script $3 when given (a POST, a varying query) and the script's arguments after it; failures are
# answers other than 2xx/3xx and socket errors. Every
# request says "Connection: keep-alive", as browsers do: without it Pistache 0.0.5 closes the bare route's
# connection after each answer, and the ceiling would measure TCP set-up (about 9,000 req/s here, against
# 40,000 kept alive); the real server keeps HTTP/1.1 connections alive either way.
measure() {
  local clients=${2:-$connections} script=() script_args=()
  [ -n "${3:-}" ] && script=(-s "$3")
  [ $# -gt 3 ] && script_args=(-- "${@:4}")
  wrk -t"$(( clients < 2 ? 1 : 2 ))" -c"$clients" -d"$duration" --latency -H "Connection: keep-alive" "${script[@]}" "$1" "${script_args[@]}" | awk '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { failed += $NF } /Socket errors:/ { failed += $4 + $6 + $8 + $10 }
    END { printf "%.0f %s %s %d", rps, p50, p99, failed }'
}

# Writes N synthetic videos (listings/generate-videos.awk) as <dir>/csv/videos_cleaned.csv, a config for a
# store in <dir>/data with the plugins named after N, and loads them: `load_store DIR N catalog search`.
# Sets load_seconds.
load_store() {
  local dir=$1 n=$2
  shift 2
  mkdir -p "$dir/csv"
  awk -v N="$n" -v END_MS="$(date +%s000)" -f tools/benchmarks/listings/generate-videos.awk > "$dir/csv/videos_cleaned.csv"
  {
    echo "server: { listen: 127.0.0.1, access_log: \"$access_log\"${server_options:+, $server_options} }"
    echo 'auth: { development: true }'
    echo "database: { backend: embedded, embedded: { data_dir: $dir/data } }"
    echo 'plugins:'
    for plugin in "$@"; do echo "  - { name: $plugin }"; done
  } > "$dir/config.yaml"
  local start
  start=$(date +%s.%N)
  build/bin/killrvideo-load --config "$dir/config.yaml" "$dir/csv" >"$dir/load.log" 2>&1
  load_seconds=$(echo "$(date +%s.%N) - $start" | bc | xargs printf "%.1f")
}

# Starts the real server on <dir>/config.yaml and the bare route, waits for both; sets server_pid,
# bare_pid, base (the server's URL) and bare (the bare route's URL).
start_servers() {
  local dir=$1 port bare_port
  port=$(free_port); bare_port=$(free_port)
  build/bin/killrvideo --config "$dir/config.yaml" --port "$port" >"$dir/server.log" 2>&1 & server_pid=$!
  build/bin/killrvideo-bench-bare --port "$bare_port" >/dev/null 2>&1 & bare_pid=$!
  base="http://127.0.0.1:$port"
  bare="http://127.0.0.1:$bare_port/"
  wait_for "$base/"; wait_for "$bare"
}

stop_servers() {
  kill "$server_pid" "$bare_pid" 2>/dev/null || true
  wait "$server_pid" "$bare_pid" 2>/dev/null || true
}

# Resident memory three ways: RSS counts a page of the database file once per SQLite connection that maps
# it; PSS shares each page among its mappings (the memory the process holds); anonymous memory is its heap.
memory_mb() {
  awk '/^Rss:/ { rss = $2 } /^Pss:/ { pss = $2 } /^Anonymous:/ { anon = $2 }
       END { printf "RSS %d MB, PSS %d MB (anonymous %d MB)", rss / 1024, pss / 1024, anon / 1024 }' "/proc/$1/smaps_rollup"
}
# The most resident memory the process has held (its high-water mark).
peak_rss_mb() { awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$1/status"; }
