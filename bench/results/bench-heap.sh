#!/bin/bash
# symgrad bench at 11 rows (samples/thermometer), whole processes, a jar from before the heap
# warm-up (A: BEFORE_JAR) in turn with this build's (B: cli/target/symgrad.jar), one line a
# process: side, run, median and minimum ns per epoch of 40 timed rounds, warm-up rounds, the
# load average. Made bench-heap.txt beside it. Run from the repository root after
# `mvn -B -q -pl cli -am package -DskipTests`; make BEFORE_JAR from an older commit the same way.
# NICE=-10 (as root) runs both at a higher priority, so that a loaded machine starves them less.
# Usage: bench/results/bench-heap.sh RUNS BEFORE_JAR ["JVM OPTIONS"]
set -euo pipefail
runs=$1 before=$2 options=${3:-}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/bench-heap.sh $runs $before ${options}"
for i in $(seq 1 "$runs"); do
  for side in A B; do
    if [ "$side" = A ]; then jar=$before; else jar=cli/target/symgrad.jar; fi
    # shellcheck disable=SC2086
    out=$(nice -n "${NICE:-0}" java $options -jar "$jar" bench samples/thermometer/thermometer.sg \
      --json --quiet --runs 40)
    field() { printf '%s\n' "$out" | grep -o "\"$1\":[0-9.]*" | cut -d: -f2; }
    echo "$side $i $(field ns_per_epoch) $(field ns_per_epoch_min) $(field warmup_rounds)" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
