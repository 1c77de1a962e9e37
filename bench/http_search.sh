#!/usr/bin/env bash
# Throughput and latency of /api/search under load, measured with wrk on loopback.
#
#   bench/http_search.sh [--db DIR] [--index LOC,...] [--threads N] [--connections C] [--seconds S]
#                        [--cached-searches N]
#
# By default the server's search result cache is off (--cached-searches 0), so every request
# is searched; give N > 0 to measure with the cache, where the query list repeats.
#
# DIR must hold an index (e.g. the 110,000 documents that build/bench/match_speed leaves in
# /tmp/techbridge-match-bench). The server and wrk share the machine, as they would on a
# small host. The server gets as many threads as wrk has connections: each keep-alive connection
# holds a thread while it is open, so fewer threads would leave connections waiting.
set -euo pipefail
cd "$(dirname "$0")/.."
db=/tmp/techbridge-match-bench index= threads= connections=32 seconds=20 port=18093 cached=0
while (($#)); do
  case $1 in
    --db) db=$2; shift 2 ;;
    --index) index=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --cached-searches) cached=$2; shift 2 ;;
    *) echo "usage: bench/http_search.sh [--db DIR] [--index LOC,...] [--threads N] [--connections C] [--seconds S] [--cached-searches N]" >&2; exit 2 ;;
  esac
done
threads=${threads:-$connections}
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps" >&2; exit 1; }
[[ -d $db/index ]] || { echo "no index in $db: run build/bench/match_speed first, or give --db" >&2; exit 1; }

build/techbridge serve --db "$db" ${index:+--index "$index"} --port "$port" --threads "$threads" --cached-searches "$cached" > /dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break; sleep 0.2; done
documents=$(curl -s "http://127.0.0.1:$port/api/health" | sed -E 's/.*"documents":([0-9]+).*/\1/')

# Warm the caches, then measure.
wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d3s -s bench/http_search.lua "http://127.0.0.1:$port" > /dev/null
echo "wrk -t$(( connections < 2 ? 1 : 2 )) -c$connections -d${seconds}s against /api/search, $documents documents, server --threads $threads --cached-searches $cached${index:+, index $index}:"
wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" --latency -s bench/http_search.lua "http://127.0.0.1:$port" |
  grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors"
echo "(goal: at least 800 requests/s with p99 under 50 ms on 2 cores)"
