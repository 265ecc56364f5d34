#!/usr/bin/env bash
# symgrad bench at 10^6 rows, 500 epochs, without --threads and with --threads 1 and 2:
# two CLI jars (B before, A after) alternately, the order swapping every round, each run's
# ns per epoch (median of --runs) with the process's CPU seconds (user + system) and wall
# seconds from /usr/bin/time. Writes the record to standard output.
#
#   bench/results/threads-valpass.sh BEFORE.jar AFTER.jar DATA.csv [ROUNDS]
#
# DATA.csv from bench/results/make_csv.py (never committed).
set -euo pipefail
before=$1
after=$2
data=$3
rounds=${4:-5}
model=samples/thermometer/thermometer.sg

run() { # label jar threads-flag...
  local label=$1 jar=$2
  shift 2
  local out times
  times=$(mktemp)
  out=$(/usr/bin/time -f '%U %S %e' -o "$times" java -jar "$jar" bench "$model" --data "$data" \
    --epochs 500 --json --quiet --warmup 2 --runs 5 "$@" 2>/dev/null)
  local ns
  ns=$(sed -E 's/.*"ns_per_epoch": ?([0-9.]+).*/\1/' <<<"$out")
  read -r user sys wall <"$times"
  rm -f "$times"
  printf '%-2s %-12s ns/epoch %12s  cpu %6.2f s  wall %6.2f s\n' "$label" "${*:-plain}" "$ns" \
    "$(echo "$user + $sys" | bc)" "$wall"
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# B = $before, A = $after"
echo "# java -jar JAR bench $model --data DATA --epochs 500 --json --quiet --warmup 2 --runs 5 [--threads T]"
for round in $(seq 1 "$rounds"); do
  for flags in "" "--threads 1" "--threads 2"; do
    # shellcheck disable=SC2086
    if ((round % 2)); then
      run B "$before" $flags
      run A "$after" $flags
    else
      run A "$after" $flags
      run B "$before" $flags
    fi
  done
done
echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
