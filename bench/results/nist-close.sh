#!/bin/bash
# Regenerates nist-close-s21.txt (beside this script): the NIST runs whose SciPy ratio is
# closest to issue 14's 100x, lm (fused kernel, JMH's symgradLmFused) and SciPy's default
# least_squares taken in turn, ROUNDS times, so that both sides of each ratio are measured
# within minutes of each other (SciPy's own best-of-7 time moves by a third between runs
# on this VM). Prints each round's times and ratios, then each run's median ratio.
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
    symgrad = {(b["params"]["problem"], b["params"]["start"]): b["primaryMetric"]["score"]
               for b in json.load(open(f"{work}/jmh-{r}.json"))}
    for line in open(f"{work}/scipy-{r}.txt"):
        name, start, scipy = line.split()
        us = symgrad[(name, start)]
        ratios.setdefault((name, start), []).append(float(scipy) / us)
        print(f"round {r}: {name} start {start}: lm {us:.1f} us (JMH mean), "
              f"SciPy default {scipy} us (best of 7), ratio {float(scipy) / us:.0f}")
for (name, start), values in ratios.items():
    print(f"{name} start {start}: median ratio {statistics.median(values):.0f} "
          f"(rounds: {', '.join(f'{v:.0f}' for v in values)})")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
