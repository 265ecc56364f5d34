#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs JMH with the flags behind bench/README.md.
#
#   bench/run.sh table [REGEXP…] [JMH FLAG…]   the results table: every benchmark, one fork,
#                                             5 × 1 s warm-up, 10 × 1 s measured; JSON to
#                                             bench/results/table.json
#   bench/run.sh gc                            allocation per epoch: -prof gc on the kernels
#                                             (11 and 10⁴ rows) and on whole fits of 1 and
#                                             5000 epochs; JSON to bench/results/gc.json
#   bench/run.sh pairs                         the compiled kernel and fit loop against their
#                                             hand-written limits again, in 3 rounds whose
#                                             order alternates, so that a load that changes
#                                             during the run cannot favour one side; JSON to
#                                             bench/results/pairs-R-SIDE.json
#   bench/run.sh interleaved [ROUNDS]          the same ratios by org.symgrad.bench.Interleaved:
#                                             ~5 ms blocks of each side in rotating order, on
#                                             the thread's CPU clock (default 200 rounds)
#   bench/run.sh quick [REGEXP…] [JMH FLAG…]   a short look while developing (not for tables)
#
# Anything after the mode goes to JMH as it is: a regexp picks benchmarks ('KernelBench'),
# -p rows=11 picks a parameter, -h lists JMH's flags. SKIP_BUILD=1 reuses the jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-table}"
shift || true

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl bench -am package)
fi
mkdir -p "$root/bench/results"
jmh=(java -jar "$root/bench/target/benchmarks.jar")

case "$mode" in
  table)
    exec "${jmh[@]}" -f 1 -wi 5 -w 1s -i 10 -r 1s \
      -rf json -rff "$root/bench/results/table.json" "$@"
    ;;
  gc)
    # One call of a kernel benchmark is one full-batch epoch, so gc.alloc.rate.norm is bytes
    # per epoch; for FitBench it is bytes per fit, and (fit at 5000 − fit at 1) / 4999 is
    # bytes per epoch without the fit's fixed setup.
    exec "${jmh[@]}" -f 1 -wi 3 -w 1s -i 3 -r 1s -prof gc \
      -p rows=11,10000 -p epochs=1,5000 \
      -rf json -rff "$root/bench/results/gc.json" 'KernelBench' 'FitBench' "$@"
    ;;
  pairs)
    compiled=('KernelBench.compiled$' 'FitBench.(compiledLoop|trainer)$')
    hand=('KernelBench.handWritten$' 'FitBench.handWrittenLoop$')
    for round in 1 2 3; do
      if [ $((round % 2)) = 1 ]; then order=(compiled hand); else order=(hand compiled); fi
      for side in "${order[@]}"; do
        if [ "$side" = compiled ]; then picked=("${compiled[@]}"); else picked=("${hand[@]}"); fi
        "${jmh[@]}" -f 1 -wi 3 -w 1s -i 5 -r 1s \
          -rf json -rff "$root/bench/results/pairs-$round-$side.json" "${picked[@]}" "$@"
      done
    done
    ;;
  interleaved)
    exec java --add-modules jdk.incubator.vector -cp "$root/bench/target/benchmarks.jar" \
      org.symgrad.bench.Interleaved "$@"
    ;;
  quick)
    exec "${jmh[@]}" -f 1 -wi 2 -w 1s -i 3 -r 1s "$@"
    ;;
  *)
    echo "usage: bench/run.sh [table|gc|pairs|interleaved|quick] [JMH regexp or flag…]" >&2
    exit 2
    ;;
esac
