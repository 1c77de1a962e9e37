#!/usr/bin/env bash
# Time of small imports: N runs of `techbridge index` with one new document each into a
# database that already holds the sample corpus, as a partner adding documents one at a
# time would. What each run waits for is mostly its commits' syncs to disk, so this is the
# figure the store's synchronous setting changes (bench/index_throughput measures bulk imports).
#
#   bench/small_imports.sh [--binary PATH] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=build/techbridge runs=30
while (($#)); do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/small_imports.sh [--binary PATH] [--runs N]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/techbridge-small-imports-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$binary" index --db "$work/db" corpus/documents > /dev/null
for i in $(seq 1 "$runs"); do
  printf '{"id":"small-%d","kind":"offer","lang":"ru","title":"Лазерная сварка труб, партия %d","body":"Технология лазерной сварки труб для северных месторождений, партия %d."}\n' \
    "$i" "$i" "$i" > "$work/doc-$i.jsonl"
done
start=$(date +%s.%N)
for i in $(seq 1 "$runs"); do "$binary" index --db "$work/db" "$work/doc-$i.jsonl" > /dev/null; done
end=$(date +%s.%N)
echo "$runs imports of one document: $(echo "($end - $start) * 1000 / $runs" | bc -l | xargs printf '%.1f') ms each ($binary)"
