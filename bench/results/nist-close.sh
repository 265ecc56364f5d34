#!/bin/bash
# Regenerates nist-close-s21.txt (beside this script): the NIST runs whose SciPy ratio is
# closest to issue 14's 100x, lm (fused kernel, JMH's symgradLmFused) and SciPy's default
# least_squares taken in turn, ROUNDS times, so that both sides of each ratio are measured
# within minutes of each other (SciPy's own best-of-7 time moves by a third between runs
# on this VM). Prints each round's times and ratios, then each run's median ratio. Each lm time
# is given twice: JMH's mean over its five 1-second iterations, and the best of those five
# iterations, which is the statistic SciPy's side is (the best of 7 timeit loops): "ratio" is
# SciPy's best over lm's mean, "like for like" SciPy's best over lm's best. (nist-close-s21.txt
# was made before the second was printed.)
# Run from the repository root after mvn -B -pl bench -am package -DskipTests.
# Usage: bench/results/nist-close.sh [ROUNDS]   (default 3)
set -euo pipefail
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "main at $(git rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  java -jar bench/target/benchmarks.jar 'lsq.LeastSquaresBench.symgradLmFused' \
    -p problem=Chwirut2,Lanczos3 -f 1 -wi 3 -w 1 -i 5 -r 1 -rf json -rff "$work/jmh-$round.json" \
    >/dev/null 2>&1
  python3 bench/lsq/scipy_default_times.py Chwirut2:1 Chwirut2:2 Lanczos3:1 Lanczos3:2 \
    >"$work/scipy-$round.txt"
done
python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ratios = {}
for r in range(1, rounds + 1):
    runs = json.load(open(f"{work}/jmh-{r}.json"))
    symgrad = {(b["params"]["problem"], b["params"]["start"]): b["primaryMetric"]["score"]
               for b in runs}
    best = {(b["params"]["problem"], b["params"]["start"]):
            min(min(fork) for fork in b["primaryMetric"]["rawData"]) for b in runs}
    for line in open(f"{work}/scipy-{r}.txt"):
        name, start, scipy = line.split()
        us, us_best = symgrad[(name, start)], best[(name, start)]
        ratios.setdefault((name, start), []).append(
            (float(scipy) / us, float(scipy) / us_best))
        print(f"round {r}: {name} start {start}: lm {us:.1f} us (JMH mean), {us_best:.1f} us "
              f"(best iteration), SciPy default {scipy} us (best of 7), ratio "
              f"{float(scipy) / us:.0f}, like for like {float(scipy) / us_best:.0f}")
for (name, start), values in ratios.items():
    means = [v[0] for v in values]
    bests = [v[1] for v in values]
    print(f"{name} start {start}: median ratio {statistics.median(means):.0f} "
          f"(rounds: {', '.join(f'{v:.0f}' for v in means)}); like for like "
          f"{statistics.median(bests):.0f} (rounds: {', '.join(f'{v:.0f}' for v in bests)})")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
