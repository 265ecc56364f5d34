#!/bin/bash
# Whole processes of `symgrad bench` on the thermometer (11 rows), alternating two sets of JVM
# options, one line per process: side, run, median ns per epoch. The records in
# bench-modes.txt (beside this script) come from it. Run from the repository root after
# `mvn -B -q -pl cli -am package -DskipTests`.
# Usage: bench/results/bench-modes.sh N "JVM OPTIONS A" "JVM OPTIONS B"
#   e.g. bench/results/bench-modes.sh 12 -Dsymgrad.vector=off "--add-modules jdk.incubator.vector"
# With JIT_LOG=DIR each process also writes -XX:+PrintCompilation -XX:+PrintInlining to DIR.
set -euo pipefail
runs=$1 a=$2 b=$3
for i in $(seq 1 "$runs"); do
  for side in A B; do
    if [ "$side" = A ]; then options=$a; else options=$b; fi
    log=()
    if [ -n "${JIT_LOG:-}" ]; then
      log=(-XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation -XX:+PrintInlining)
    fi
    # shellcheck disable=SC2086
    out=$(java ${log[@]+"${log[@]}"} $options -jar cli/target/symgrad.jar bench \
      samples/thermometer/thermometer.sg --json --quiet --runs 20)
    [ -n "${JIT_LOG:-}" ] && printf '%s\n' "$out" >"$JIT_LOG/$side$i.txt"
    echo "$side $i $(printf '%s\n' "$out" | grep -o '"ns_per_epoch":[0-9.]*' | cut -d: -f2)"
  done
done
