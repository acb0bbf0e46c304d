#!/usr/bin/env bash
# Throughput of the request path: for each N, generates N videos (the listings benchmark's generator), loads
# them into a fresh embedded store, starts the real server as a user runs it (access log on, metrics on)
# and a bare Pistache constant route, registers a user who comments on one video, then measures each route
# with wrk and, right after it, the bare route: the ratio of the two req/s is the route's share of bare
# Pistache. Login is bcrypt-bound and measured at 2 connections (one per core), reported apart.
# Prints one markdown table per N, the load average before it, and the server's memory at idle and at peak.
#
#   bash tools/benchmarks/throughput/run.sh 500 100000     # default: 500 100000
#   SERVER_OPTIONS="response_cache_ms: 0" bash tools/benchmarks/throughput/run.sh 500   # every request runs
#   ACCESS_LOG=off WRK_CONNECTIONS=32 bash tools/benchmarks/throughput/run.sh 500
set -euo pipefail
cd "$(dirname "$0")/../../.."
export ACCESS_LOG=${ACCESS_LOG:-stdout}
source tools/benchmarks/lib/http-bench.sh
sizes=("$@")
[ $# -eq 0 ] && sizes=(500 100000)
plugins=(accounts catalog comments_ratings recommendations)

ensure_wrk
build_targets killrvideo killrvideo-load killrvideo-bench-bare "${plugins[@]}"

json_field() { sed -nE "s/.*\"$1\":\"([^\"]+)\".*/\1/p"; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }

# A user who signs in and comments on $video; sets user_id and writes the login script to $work/login.lua.
prepare_user() {
  local email=throughput@example.com password=throughput-password token
  curl -sf -X POST -H 'Content-Type: application/json' "$base/api/v1/users/register" \
    -d "{\"firstName\":\"Bench\",\"lastName\":\"Mark\",\"email\":\"$email\",\"password\":\"$password\"}" >/dev/null
  local login_body="{\"email\":\"$email\",\"password\":\"$password\"}"
  local answer
  answer=$(curl -sf -X POST -H 'Content-Type: application/json' "$base/api/v1/users/login" -d "$login_body")
  token=$(json_field token <<<"$answer")
  user_id=$(json_field userId <<<"$answer")
  for i in $(seq 1 12); do
    curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      "$base/api/v1/videos/$video/comments" -d "{\"text\":\"Comment $i: a clear explanation, thanks\"}" >/dev/null
  done
  printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' \
    "'$login_body'" >"$work/login.lua"
}

row() {  # label route target [connections] [script]
  local label=$1 route=$2 target=$3 clients=${4:-$connections} script=${5:-}
  read -r rps p50 p99 failed <<<"$(measure "$base$route" "$clients" "$script")"
  read -r bare_rps _ _ _ <<<"$(measure "$bare" "$clients")"
  local request="GET $route"
  [ -n "$script" ] && request="POST $route"
  echo "| $label | \`$request\` | $rps | $p50 | $p99 | $failed | $bare_rps | $(share "$rps" "$bare_rps") | $target |"
}

for n in "${sizes[@]}"; do
  work=$(mktemp -d)
  trap 'stop_servers; rm -rf "$work"' EXIT
  load_store "$work" "$n" "${plugins[@]}"
  start_servers "$work"
  video=$(curl -s "$base/api/v1/videos/latest?pageSize=1" | json_field videoId)
  prepare_user
  for _ in 1 2 3; do curl -s "$base/api/v1/videos/id/$video" >/dev/null; done
  idle_memory=$(memory_mb "$server_pid")

  echo "### $n videos"
  echo
  echo "Loaded in $load_seconds s; access log: $access_log; server options: ${server_options:-none (defaults)}; \
wrk -d$duration -c$connections (login -c2); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| route | request | req/s | p50 | p99 | not 2xx | bare req/s (just after) | share of bare | target |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  row health "/" "≥ 80 %"
  row "user by id" "/api/v1/users/$user_id" "≥ 60 %"
  row "video details" "/api/v1/videos/id/$video" "≥ 50 %"
  row "latest page 1" "/api/v1/videos/latest?page=1&pageSize=10" "≥ 50 %"
  row "comments of a video" "/api/v1/videos/$video/comments?page=1&pageSize=10" "—"
  row "related videos" "/api/v1/videos/id/$video/related?limit=5" "—"
  echo
  echo "| bcrypt-bound | request | req/s | p50 | p99 | not 2xx | bare req/s (-c2, just after) | share of bare | target |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  row login "/api/v1/users/login" "—" 2 "$work/login.lua"
  echo
  echo "Server memory: $idle_memory at idle (after loading and warm-up); peak RSS $(peak_rss_mb "$server_pid") (under load)."
  echo
  stop_servers
  rm -rf "$work"; trap - EXIT
done
