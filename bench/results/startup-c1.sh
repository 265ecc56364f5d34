#!/bin/bash
# Regenerates startup-c1.txt (beside this script): the thermometer fit and a grad, whole
# processes timed by bench/startup.py, this checkout's ./symgrad (A: a short fit with the
# client compiler alone) in turn with the launcher of commit BEFORE (B), both on the same jar
# and class-data archive. Run from the repository root after
# `mvn -B -q -pl cli -am package -DskipTests`. Usage: bench/results/startup-c1.sh [RUNS [BEFORE]]
set -euo pipefail
runs=${1:-15}
before=${2:-861c73a}
M=samples/thermometer/thermometer.sg
git show "$before":symgrad >.symgrad-previous
chmod +x .symgrad-previous
trap 'rm -f .symgrad-previous' EXIT
./symgrad fit $M --json --quiet >/dev/null
./.symgrad-previous fit $M --json --quiet >/dev/null
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); the same jar and archive, A the launcher of this branch"
echo "# (a short fit with -XX:TieredStopAtLevel=1), B the launcher of $before (C1 and C2)"
echo
echo "# the thermometer fit, $runs runs each, alternating"
python3 bench/startup.py -n "$runs" --vs "./.symgrad-previous fit $M --json --quiet" \
  -- ./symgrad fit $M --json --quiet
echo
echo "# grad (unchanged: the client compiler alone in both)"
python3 bench/startup.py -n "$runs" --vs "./.symgrad-previous grad w*x+b --at w=1,x=1,b=0 --json" \
  -- ./symgrad grad 'w*x+b' --at w=1,x=1,b=0 --json
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
