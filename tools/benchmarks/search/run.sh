#!/usr/bin/env bash
# Search at scale: for each N, generates N videos in the KillrVideo CSV format (the listings benchmark's
# generator), loads them with killrvideo-load into a fresh embedded store with the catalog and search
# plugins (timed: the catalog's importer announces each video and search indexes it), starts the real
# server, and measures each search with wrk: its latency one request at a time (-c1: what a user waits),
# then its throughput at 16 connections beside a bare Pistache constant route in the same minute. A semantic
# search asks a different query every request ({n} counts up, varying-query.lua): the vector index keeps a
# query's shortlist for the larger read that may follow, and a repeated query would find it.
# Prints one markdown table per N (hits, p50, p99, req/s) and the server's memory.
#
#   bash tools/benchmarks/search/run.sh 10000 100000     # default: 10000 100000
set -euo pipefail
cd "$(dirname "$0")/../../.."
source tools/benchmarks/lib/http-bench.sh
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 100000)

ensure_wrk
build_targets killrvideo killrvideo-load killrvideo-bench-bare catalog search

for n in "${sizes[@]}"; do
  work=$(mktemp -d)
  trap 'stop_servers; rm -rf "$work"' EXIT
  load_store "$work" "$n" catalog search
  start_servers "$work"

  echo "### $n videos"
  echo
  echo "Loaded and indexed in $load_seconds s; server memory after warm-up: $(memory_mb "$server_pid")."
  echo
  echo "| search | hits (totalItems) | p50 (-c1) | p99 (-c1) | req/s (-c$connections) | bare Pistache req/s (-c$connections, same minute) |"
  echo "|---|---:|---:|---:|---:|---:|"
  # A rare word (one video's number), a common one (a tag: the 1,000-hit cap), a title (semantic: its
  # near-identical siblings fill the 1,000 hits, whatever the number), a query unlike any video (semantic:
  # no hit), tags.
  rare=$(( n / 2 + 7 ))
  for route in "/api/v1/search/videos?mode=keyword&query=$rare&pageSize=20" \
               "/api/v1/search/videos?mode=keyword&query=cassandra&pageSize=20" \
               "/api/v1/search/videos?mode=keyword&query=cassandra&page=40&pageSize=20" \
               "/api/v1/search/videos?mode=semantic&query=Video%20{n}:%20python%20in%20practice&pageSize=20" \
               "/api/v1/search/videos?mode=semantic&query=quantum%20gardening%20for%20cats%20{n}&pageSize=20" \
               "/api/v1/search/tags/suggest?query=ta&limit=10"; do
    varying=()
    [[ $route == *"{n}"* ]] && varying=(tools/benchmarks/search/varying-query.lua "$route" "$rare")
    hits=$(curl -s "$base${route//\{n\}/$rare}" | sed -nE 's/.*"totalItems":([0-9]+).*/\1/p')
    read -r _ p50 p99 _ <<<"$(measure "$base${route//\{n\}/$rare}" 1 "${varying[@]}")"
    read -r rps _ _ <<<"$(measure "$base${route//\{n\}/$rare}" "$connections" "${varying[@]}")"
    read -r bare_rps _ _ <<<"$(measure "$bare")"
    echo "| \`${route#/api/v1/search/}\` | ${hits:--} | $p50 | $p99 | $rps | $bare_rps |"
  done
  echo
  echo "Server memory after the runs: $(memory_mb "$server_pid")."
  echo
  stop_servers
  rm -rf "$work"; trap - EXIT
done
