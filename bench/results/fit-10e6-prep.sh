#!/bin/bash
# Regenerates fit-10e6-prep.txt (beside this script): where a 10^6-row fit's preparation goes,
# and what preparing on the fit's threads and the chunked validation pass cost. A is this
# build, B the build before (its bench and CLI jars, e.g. from `git archive 15f5217`, built
# with `mvn -B -q -o -pl cli,bench -am package -DskipTests`).
# Run from the repository root after `mvn -B -q -pl cli,bench -am package -DskipTests`.
# Usage: bench/results/fit-10e6-prep.sh B_BENCH_JAR B_CLI_JAR > bench/results/fit-10e6-prep.txt
set -euo pipefail
bench_b=$1
cli_b=$2
data=$(mktemp -d)/fit-10e6.csv
trap 'rm -rf "$(dirname "$data")"' EXIT
python3 bench/results/make_csv.py "$data"
model=samples/thermometer/thermometer.sg
a=bench/target/benchmarks.jar

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/fit-10e6-prep.sh $*"
echo
echo "# 1. the split's parts alone (A): java -cp $a org.symgrad.runtime.train.PreparationParts 60"
java -cp "$a" org.symgrad.runtime.train.PreparationParts 60
echo
echo "# 2. the same fit's preparation, B then A, threads unset / 2 (FitPreparation 45),"
echo "#    then A on a heap whose pages are touched already (-Xms2g -XX:+AlwaysPreTouch)"
for threads in 0 2; do
  for build in "B:$bench_b" "A:$a"; do
    echo "## ${build%%:*}, -Dthreads=$threads, load $(cut -d' ' -f1 /proc/loadavg)"
    java -Dthreads=$threads -cp "${build#*:}" org.symgrad.bench.FitPreparation 45 | tail -1
  done
  echo "## A, -Dthreads=$threads, -Xms2g -XX:+AlwaysPreTouch"
  java -Xms2g -XX:+AlwaysPreTouch -Dthreads=$threads -cp "$a" org.symgrad.bench.FitPreparation 45 \
    | tail -1
done
echo
echo "# 3. an epoch's passes on one thread, fused against chunked (A): OneThreadChunks 10 200"
java -cp "$a" org.symgrad.bench.OneThreadChunks 10 200
echo
echo "# 4. symgrad bench --data (10^6 rows) --epochs 500 --runs 5 --threads T, alternating;"
echo "#    columns: build threads ns_per_epoch ns_per_epoch_min ms_per_fit"
for round in 1 2 3; do
  for jar in "B:$cli_b" A:cli/target/symgrad.jar; do
    for threads in 1 2; do
      java -jar "${jar#*:}" bench "$model" --data "$data" --epochs 500 --json --quiet \
          --threads "$threads" --runs 5 \
        | python3 -c "import json,sys; d=json.load(sys.stdin); print('${jar%%:*}', d['threads'],
              round(d['ns_per_epoch']), round(d['ns_per_epoch_min']), round(d['ms_per_fit'], 1))"
    done
  done
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
