#!/usr/bin/env bash
# Two builds of the server, one store, the same seconds: the machine's speed drifts by up to 2× from one
# quarter hour to the next (and by 20% from one minute to the next), so a change is measured as the ratio
# of two builds measured side by side, not against a figure taken earlier. Both servers run at once, each on
# its own copy of the store (cache off, access log off); for each search they take turns in short slots,
# A B B A A B …, each slot one connection (wrk -c1) measuring p50, p99 and the server's CPU per request.
# Each pair of neighbouring slots gives a ratio B/A; the summary is the median ratio per search.
#
#   bash tools/benchmarks/search/compare-builds.sh STORE_DATA_DIR BUILD_A BUILD_B [PAIRS]
#
# STORE_DATA_DIR holds a store with the catalog and search plugins (the search benchmark's, or any loaded
# with killrvideo-load); BUILD_A and BUILD_B are build trees (e.g. a worktree of the earlier commit built
# with `cmake --build build --target killrvideo catalog search`). SEARCHES overrides the query strings; a
# {n} in one is replaced by a number that changes every request (varying-query.lua), as run.sh does for the
# semantic searches. SLOT sets a slot's length (default 3s), PAIRS the number of A/B pairs (default 6).
set -euo pipefail
cd "$(dirname "$0")/../../.."
source tools/benchmarks/lib/http-bench.sh
[ $# -ge 3 ] || { sed -n 2,15p "$0"; exit 2; }
data_dir=$(realpath "$1"); builds=("$(realpath "$2")" "$(realpath "$3")"); pairs=${4:-6}
slot=${SLOT:-3s}
searches=${SEARCHES:-"mode=keyword&query=cassandra&pageSize=20 mode=semantic&query=Video%20{n}:%20python%20in%20practice&pageSize=20 mode=semantic&query=quantum%20gardening%20for%20cats%20{n}&pageSize=20"}
ensure_wrk

work=$(mktemp -d --tmpdir="$(dirname "$data_dir")")
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done; pids=(); }
trap 'stop_all; rm -rf "$work"' EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# wrk_at SEARCH URL DURATION FIRST: one connection; a search with {n} counts it up from FIRST.
wrk_at() {
  if [[ $1 == *"{n}"* ]]; then
    wrk -t1 -c1 -d"$3" --latency -s tools/benchmarks/search/varying-query.lua "$2" "/api/v1/search/videos?$1" "$4"
  else
    wrk -t1 -c1 -d"$3" --latency "$2"
  fi
}
in_ms() { sed -E 's/([0-9.]+)us$/\1 0.001/; s/([0-9.]+)ms$/\1 1/; s/([0-9.]+)s$/\1 1000/' <<<"$1" | awk '{ printf "%.3f", $1 * $2 }'; }

ports=()
for side in 0 1; do
  # Two servers must not share a store: each writes its index files when it stops.
  cp -r "$data_dir" "$work/data$side"
  ports[side]=$(free_port)
  printf 'server: { listen: 127.0.0.1, access_log: "off", response_cache_ms: 0 }\nauth: { development: true }\ndatabase: { backend: embedded, embedded: { data_dir: %s } }\nplugins:\n  - { name: catalog }\n  - { name: search }\n' \
    "$work/data$side" > "$work/config$side.yaml"
  "${builds[side]}/bin/killrvideo" --config "$work/config$side.yaml" --port "${ports[side]}" > "$work/server$side.log" 2>&1 &
  pids[side]=$!
  wait_for "http://127.0.0.1:${ports[side]}/"
  # Both copies' pages read once, so that neither server starts from the disk.
  cat "$work/data$side"/* > /dev/null
done

echo "| pair | build | search | p50 ms | p99 ms | server CPU ms per request |"
echo "|---:|---|---|---:|---:|---:|"
results="$work/results"
first=50000
for search in $searches; do
  for side in 0 1; do
    wrk_at "$search" "http://127.0.0.1:${ports[side]}/api/v1/search/videos?${search//\{n\}/10007}" 2s 10000 >/dev/null
  done
  for pair in $(seq "$pairs"); do
    order=(0 1); (( pair % 2 == 0 )) && order=(1 0)
    for side in "${order[@]}"; do
      pid=${pids[side]}
      before=$(cpu_ticks "$pid")
      out=$(wrk_at "$search" "http://127.0.0.1:${ports[side]}/api/v1/search/videos?${search//\{n\}/$first}" "$slot" "$first")
      after=$(cpu_ticks "$pid")
      first=$((first + 100000))
      requests=$(awk '/requests in/ { print $1 }' <<<"$out")
      p50=$(in_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
      p99=$(in_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
      cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", 1000 * t / hz / n }')
      build=${builds[side]}
      echo "| $pair | $(basename "$(dirname "$build")")/$(basename "$build") | \`$search\` | $p50 | $p99 | $cpu |"
      echo "$search $pair $side $p50 $p99 $cpu" >> "$results"
    done
  done
done

echo
echo "Server memory at the end: A $(memory_mb "${pids[0]}"); B $(memory_mb "${pids[1]}")."
echo
echo "Median over the pairs of B/A (B = ${builds[1]}, A = ${builds[0]}):"
echo
echo "| search | p50 B/A | p99 B/A | CPU per request B/A |"
echo "|---|---:|---:|---:|"
for search in $searches; do
  awk -v s="$search" '
    $1 == s { v[$2, $3, 4] = $4; v[$2, $3, 5] = $5; v[$2, $3, 6] = $6; if ($2 > pairs) pairs = $2 }
    function median(field,   n, i, j, t, r) {
      n = 0
      for (i = 1; i <= pairs; i++) r[++n] = v[i, 1, field] / v[i, 0, field]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
      return n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    }
    END { printf "| `%s` | %.2f | %.2f | %.2f |\n", s, median(4), median(5), median(6) }' "$results"
done
