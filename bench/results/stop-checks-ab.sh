#!/bin/bash
# Regenerates stop-checks-ab.txt (beside this script): what the Trainer's lean full-batch loop
# adds to the compiled kernels at 11 rows, with the interrupt and cancel flags read every epoch
# (BEFORE_JAR) and once per block of epochs (AFTER_JAR). Each run is Interleaved's fit loops in
# a JVM of its own, the builds alternating and the order swapped every repetition; each figure
# is a median of ROUNDS interleaved rounds, a ratio to the hand-written loop of the same JVM.
# Jars: `mvn -B -o -q package -DskipTests -pl bench -am` at each commit, bench/target/benchmarks.jar.
# Usage: bench/results/stop-checks-ab.sh BEFORE_JAR AFTER_JAR [REPETITIONS [ROUNDS]] > bench/results/stop-checks-ab.txt
set -euo pipefail
before=$1
after=$2
repetitions=${3:-8}
rounds=${4:-100}
run() {
  java --add-modules jdk.incubator.vector -Dsymgrad.vector=off -cp "$2" \
    org.symgrad.bench.Interleaved "$rounds" fits 2>/dev/null \
    | awk -v rep="$3" -v build="$1" '/compiled loop/ {c = $3} /Trainer/ {t = $2}
        END {printf "%s %s %s %s\n", rep, build, c, t}'
}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# bench/results/stop-checks-ab.sh $*"
echo "# each run: java --add-modules jdk.incubator.vector -Dsymgrad.vector=off -cp JAR org.symgrad.bench.Interleaved $rounds fits"
echo "# columns: repetition, build, compiled kernels in a hand-written loop, the Trainer (5000-epoch fits, N = 11)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
for rep in $(seq 1 "$repetitions"); do
  if (( rep % 2 )); then order="before after"; else order="after before"; fi
  for build in $order; do
    if [[ $build == before ]]; then jar=$before; else jar=$after; fi
    run "$build" "$jar" "$rep" | tee -a "$rows"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# medians of the $repetitions runs a build: compiled loop, Trainer, Trainer over compiled loop"
for build in before after; do
  awk -v b="$build" '$2 == b {print $3, $4}' "$rows" | python3 -c '
import statistics, sys
pairs = [tuple(map(float, line.split())) for line in sys.stdin]
c = statistics.median(p[0] for p in pairs)
t = statistics.median(p[1] for p in pairs)
r = statistics.median(p[1] / p[0] for p in pairs)
print(f"# {sys.argv[1]:6} {c:.3f} {t:.3f} {r:.3f}")' "$build"
done
