#!/usr/bin/env bash
# symgrad bench at 11 rows, alternating two jars, one process each: A with the collector run
# twice after the warm-up (FitTimer.touchHeap, commit 6301c03), B without it (its revert).
# Usage: bench/results/bench-heap-quiet.sh A.jar B.jar ROUNDS > bench/results/bench-heap-quiet.txt
set -euo pipefail
a=$1 b=$2 rounds=${3:-8}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java -jar JAR bench samples/thermometer/thermometer.sg --json --quiet; ns_per_epoch (median of its runs)"
for i in $(seq "$rounds"); do
  for side in A B; do
    jar=$a; [ "$side" = B ] && jar=$b
    java -jar "$jar" bench samples/thermometer/thermometer.sg --json --quiet 2>/dev/null |
      python3 -c "import json,sys; d=json.load(sys.stdin); print('$side', round(d['ns_per_epoch'], 1))"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
