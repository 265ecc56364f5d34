#!/bin/bash
# Regenerates prep-floor.txt (beside this script): what a 10^6-row fit's split costs, part by
# part, weighed in epochs of the same fit measured in the same process (thread CPU clock):
# whether any split that copies the rows into contiguous parts, or draws nextInt(bound)'s rows,
# can cost at most two epochs. PreparationParts in RUNS separate JVMs, ROUNDS rounds each.
# Run from the repository root after `mvn -B -q -pl bench -am package -DskipTests`.
# Usage: bench/results/prep-floor.sh [RUNS [ROUNDS]] > bench/results/prep-floor.txt
set -euo pipefail
runs=${1:-3}
rounds=${2:-60}
jar=bench/target/benchmarks.jar
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(git rev-parse --short HEAD)"
echo "# $(java -version 2>&1 | head -1); bench/results/prep-floor.sh $runs $rounds"
for run in $(seq 1 "$runs"); do
  echo
  echo "## run $run, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## java -cp $jar org.symgrad.runtime.train.PreparationParts $rounds"
  java -cp "$jar" org.symgrad.runtime.train.PreparationParts "$rounds"
done
