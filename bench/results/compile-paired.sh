#!/bin/bash
# Regenerates compile-s22.txt (beside this script; compile-s20.txt and compile-s21.txt before
# it), and with other arguments compile-lanes-s21.txt: warm compile latency of the
# thermometer, the bench jar of commit AFTER (default: this checkout's, built beforehand)
# against the bench jar of commit BEFORE (default 2b24344, the build before issue 13's
# refactoring), in one JVM by PairedCompileBench (alternate batches, the thread's CPU clock,
# the median of 60 paired ratios), ROUNDS times each of the STAGES: parseAndLower, compile
# (text to callable) and compileThenLoss (compile, then a first loss of the 11 rows, which
# defined the deferred passes' class in the builds that deferred every loss); then the sizes
# of the classes each defines for the thermometer (-Dsymgrad.dumpClasses). A commit named is
# exported to a temporary folder and built there (nothing written to ~/.m2). Run from the
# repository root, after
# mvn -B -pl bench -am package -DskipTests unless AFTER is given.
# Usage: bench/results/compile-paired.sh [ROUNDS [BEFORE [AFTER [STAGES]]]]
#   compile-lanes-s21.txt, issue 18's lanes (0fb9f4b) against their parent:
#   bench/results/compile-paired.sh 3 8a88b63 0fb9f4b compile
set -euo pipefail
rounds=${1:-3}
before=${2:-2b24344}
after=${3:-}
stages=${4:-parseAndLower compile compileThenLoss}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The bench jar of commit $1, built from an export of it, copied to $work/$2.jar.
build() {
  mkdir "$work/$2"
  git archive "$1" | tar -x -C "$work/$2"
  (cd "$work/$2" && mvn -B -q -o -pl bench -am package -DskipTests \
    -Dmaven.repo.local="$HOME/.m2/repository" >/dev/null 2>&1)
  cp "$work/$2/bench/target/benchmarks.jar" "$work/$2.jar"
}

build "$before" before
if [ -n "$after" ]; then
  build "$after" ours
  ours="$after"
else
  cp bench/target/benchmarks.jar "$work/ours.jar"
  ours="$(git rev-parse --short HEAD)$(git diff --quiet || echo ' with uncommitted changes')"
fi
javac -d "$work/paired" bench/results/PairedCompileBench.java
echo "baseline: $before; ours: $ours"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for stage in $stages; do
    java -cp "$work/paired" PairedCompileBench "$work/before.jar" "$work/ours.jar" "$stage"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat >"$work/Dump.java" <<'JAVA'
public class Dump {
  public static void main(String[] a) {
    var model = org.symgrad.compiler.Symgrad.compile(org.symgrad.compiler.parse.ModelParser
        .parse(org.symgrad.bench.Thermometer.MODEL, "thermometer.sg"));
    model.loss(new double[] {1, 0}, org.symgrad.runtime.Batch.of(
        new double[][] {{1, 2}, {3, 4}}, 2)); // the deferred class, where there is one
  }
}
JAVA
for jar in before ours; do
  javac -cp "$work/$jar.jar" -d "$work/dump-$jar" "$work/Dump.java"
  java -Dsymgrad.dumpClasses="$work/classes-$jar" -cp "$work/$jar.jar:$work/dump-$jar" Dump
  echo "classes defined ($jar): $(cd "$work/classes-$jar" && for f in *.class; do
    printf '%s %s bytes; ' "$f" "$(wc -c <"$f")"; done)"
done
