#!/usr/bin/env bash
# symgrad bench against the hand-written fit, side by side (bench/side_by_side.py):
#
#   bench/side-by-side.sh [--repeats 5] [--runs 50] [--big] [--out bench/results/side-by-side.txt]
#
# Builds cli/target/symgrad.jar and bench/target/benchmarks.jar first (SKIP_BUILD=1 reuses
# them); --big adds 10^6 rows (a generated CSV in /tmp, never committed) at 500 epochs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl cli,bench -am package)
fi
exec python3 "$root/bench/side_by_side.py" "$@"
