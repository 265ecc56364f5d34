#!/bin/bash
# Regenerates fit-10e6.txt (beside this script): issue 18's 10^6-row fit, the thermometer with
# the default validation split. A is this build, B the build before (its bench jar built with
# FitPreparation.java copied in, which uses public API only; its CLI jar as built), HANDOFF_B a
# runtime classes folder with the chunk hand-off before (park at once, a count a chunk).
# Run from the repository root after `mvn -B -q -pl cli,bench -am package -DskipTests`, on as
# quiet a machine as you have: the record starts with the load average.
# Usage: bench/results/fit-10e6.sh [B_BENCH_JAR B_CLI_JAR [HANDOFF_B_CLASSES]] > fit-10e6.txt
set -euo pipefail
bench_b=${1:-}
cli_b=${2:-}
handoff_b=${3:-}
data=$(mktemp -d)/fit-10e6.csv
trap 'rm -rf "$(dirname "$data")"' EXIT
python3 bench/results/make_csv.py "$data"
model=samples/thermometer/thermometer.sg

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/fit-10e6.sh $*"
echo
echo "# 1. preparing a fit against one of its epochs (FitPreparation, 45 fits, the last 30 counted)"
for threads in 0 2; do
  if [ -n "$bench_b" ]; then
    echo "## B, -Dthreads=$threads"
    java -Dthreads=$threads -cp "$bench_b" org.symgrad.bench.FitPreparation 45
  fi
  echo "## A, -Dthreads=$threads"
  java -Dthreads=$threads -cp bench/target/benchmarks.jar org.symgrad.bench.FitPreparation 45
done
echo
echo "# 2. the chunk hand-off, 1 against 2 threads in alternating rounds (ChunkHandoff 6 300),"
echo "#    B's hand-off and A's in turn, three times"
for turn in 1 2 3; do
  if [ -n "$handoff_b" ]; then
    echo "## B (hand-off before), load $(cut -d' ' -f1 /proc/loadavg)"
    java -cp "$handoff_b:bench/target/benchmarks.jar" org.symgrad.bench.ChunkHandoff 6 300
  fi
  echo "## A, load $(cut -d' ' -f1 /proc/loadavg)"
  java -cp bench/target/benchmarks.jar org.symgrad.bench.ChunkHandoff 6 300
done
echo
echo "# 3. symgrad bench --data (10^6 rows) --epochs 500 --runs 5 --threads T, alternating;"
echo "#    columns: build threads ns_per_epoch ns_per_epoch_min ms_per_fit fits_per_second"
for round in 1 2 3; do
  for jar in ${cli_b:+B:$cli_b} A:cli/target/symgrad.jar; do
    for threads in 1 2; do
      java -jar "${jar#*:}" bench "$model" --data "$data" --epochs 500 --json --quiet \
          --threads "$threads" --runs 5 \
        | python3 -c "import json,sys; d=json.load(sys.stdin); print('${jar%%:*}', d['threads'],
              round(d['ns_per_epoch']), round(d['ns_per_epoch_min']), round(d['ms_per_fit'], 1),
              round(d['fits_per_second'], 3))"
    done
  done
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
