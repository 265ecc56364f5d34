#!/bin/bash
# Regenerates startup-early.txt (beside this script): what the fit's start gained from the early
# compile (cli/EarlyCompile) and from compiling string concatenation inline. Run from the
# repository root after `mvn -B -q -pl cli -am package -DskipTests`, on a quiet machine.
#   bench/results/startup-early.sh OLD_JAR > bench/results/startup-early.txt
# OLD_JAR: cli/target/symgrad.jar built at the commit before both (252197e).
set -euo pipefail
old=$1
model=samples/thermometer/thermometer.sg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive() { # JAR NAME: a static archive made as the launcher makes it
  java -XX:DumpLoadedClassList="$work/$2.classes" -cp "$1" org.symgrad.cli.ArchiveTrainingRun \
    "$model" >/dev/null
  java -Xshare:dump -XX:SharedClassListFile="$work/$2.classes" \
    -XX:SharedArchiveFile="$work/$2.jsa" -cp "$1" >/dev/null
}
archive cli/target/symgrad.jar new
archive "$old" old
run() { # NAME JAR: the java command of a fit with that jar and its archive
  echo "java -XX:SharedArchiveFile=$work/$1.jsa -Xlog:disable -Dsymgrad.vector=off -jar $2"
}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/startup-early.sh $old"
echo
echo "# 1. method-handle classes the fit's start defines at run time (not from the archive)"
for side in old new; do
  jar=$([ $side = new ] && echo cli/target/symgrad.jar || echo "$old")
  java -XX:SharedArchiveFile="$work/$side.jsa" -Xlog:disable \
    -Xlog:class+load:file="$work/$side.log" -Dsymgrad.vector=off -jar "$jar" \
    fit "$model" --json --quiet >/dev/null
  echo "$side: $(grep -v 'shared objects file' "$work/$side.log" | grep -c 'LambdaForm\$')"
done
echo
echo "# 2. this build's fit with the early compile (A) and without (B: the model named after the"
echo "#    options, so EarlyCompile starts nothing)"
python3 bench/startup.py -n 20 --vs "$(run new cli/target/symgrad.jar) fit --json --quiet $model" \
  -- $(run new cli/target/symgrad.jar) fit "$model" --json --quiet
echo
echo "# 3. this build's fit (A) against OLD_JAR's (B)"
python3 bench/startup.py -n 20 --vs "$(run old "$old") fit $model --json --quiet" \
  -- $(run new cli/target/symgrad.jar) fit "$model" --json --quiet
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
