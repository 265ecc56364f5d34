#!/bin/bash
# Regenerates startup.txt (beside this script): whole processes timed by bench/startup.py, the
# launcher (A) in turn with a previous launcher (B: ./symgrad of commit BEFORE, by default
# 15f5217, the last without the Vector API module by default), then a JVM that prints one line.
# Run from the repository root after `mvn -B -q -pl cli -am package -DskipTests`, on as quiet
# a machine as you have: the record starts with the load average.
# Usage: bench/results/startup.sh [RUNS [BEFORE]]   (default 20 15f5217)
set -euo pipefail
runs=${1:-20}
before=${2:-15f5217}
model=samples/thermometer/thermometer.sg
hello=$(mktemp -d)
# The previous launcher finds the jar beside itself, so it runs from the repository root.
git show "$before":symgrad >.symgrad-previous
chmod +x .symgrad-previous
trap 'rm -rf .symgrad-previous "$hello"' EXIT
./symgrad grad 'w*x+b' --at w=1,x=1,b=0 --json >/dev/null            # makes each archive
./.symgrad-previous grad 'w*x+b' --at w=1,x=1,b=0 --json >/dev/null
./symgrad fit "$model" --json --quiet >/dev/null 2>&1
SYMGRAD_VECTOR=off ./symgrad fit "$model" --json --quiet >/dev/null
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/startup.sh $runs $before"
echo
echo "# 1. grad: ./symgrad (static archive; client compiler alone) against B, the launcher of $before"
python3 bench/startup.py -n "$runs" --vs "./.symgrad-previous grad w*x+b --at w=1,x=1,b=0 --json" \
  -- ./symgrad grad 'w*x+b' --at w=1,x=1,b=0 --json
echo
echo "# 2. the thermometer fit: ./symgrad (auto: no module for a fit of under 1 MiB of data)"
echo "#    against B (no module by default)"
python3 bench/startup.py -n "$runs" --vs "./.symgrad-previous fit $model --json --quiet" \
  -- ./symgrad fit "$model" --json --quiet
echo
echo "# 2b. ./symgrad against B with SYMGRAD_VECTOR=auto (B adds the module to every fit; its archive"
echo "#     was dumped without the module)"
python3 bench/startup.py -n "$runs" \
  --vs "env SYMGRAD_VECTOR=auto ./.symgrad-previous fit $model --json --quiet" \
  -- ./symgrad fit "$model" --json --quiet
echo
echo "# 2c. the fit: ./symgrad against ./symgrad with SYMGRAD_VECTOR=off (neither adds the module here)"
python3 bench/startup.py -n "$runs" --vs "env SYMGRAD_VECTOR=off ./symgrad fit $model --json --quiet" \
  -- ./symgrad fit "$model" --json --quiet
echo
echo "# 3. the JVM's own start: a class that prints one line"
python3 bench/startup.py -n "$runs" -- java -Xshare:auto -cp "$hello" Hello
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
