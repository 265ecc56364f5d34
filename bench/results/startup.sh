#!/bin/bash
# Regenerates startup.txt (beside this script): whole processes timed by bench/startup.py, the
# launcher (A) in turn with the previous launcher (B: ./symgrad of commit 6aeba50, whose
# archive is a dynamic one, -XX:ArchiveClassesAtExit after one short fit), then a JVM that
# prints one line. Run from the repository root after `mvn -B -q -pl cli -am package
# -DskipTests`, on as quiet a machine as you have: the record starts with the load average.
# Usage: bench/results/startup.sh [RUNS]   (default 20)
set -euo pipefail
runs=${1:-20}
model=samples/thermometer/thermometer.sg
hello=$(mktemp -d)
# The previous launcher finds the jar beside itself, so it runs from the repository root.
git show 6aeba50:symgrad >.symgrad-previous
chmod +x .symgrad-previous
trap 'rm -rf .symgrad-previous "$hello"' EXIT
./symgrad grad 'w*x+b' --at w=1,x=1,b=0 --json >/dev/null            # makes each archive
./.symgrad-previous grad 'w*x+b' --at w=1,x=1,b=0 --json >/dev/null
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/startup.sh $runs"
echo
echo "# 1. grad: ./symgrad (static archive; client compiler alone) against B, the previous launcher"
python3 bench/startup.py -n "$runs" --vs "./.symgrad-previous grad w*x+b --at w=1,x=1,b=0 --json" \
  -- ./symgrad grad 'w*x+b' --at w=1,x=1,b=0 --json
echo
echo "# 2. the thermometer fit: ./symgrad (static archive) against B"
python3 bench/startup.py -n "$runs" --vs "./.symgrad-previous fit $model --json --quiet" \
  -- ./symgrad fit "$model" --json --quiet
echo
echo "# 3. the JVM's own start: a class that prints one line"
python3 bench/startup.py -n "$runs" -- java -Xshare:auto -cp "$hello" Hello
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
