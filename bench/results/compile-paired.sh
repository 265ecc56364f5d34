#!/bin/bash
# Regenerates compile-s20.txt (beside this script): warm compile latency of the thermometer,
# this checkout's bench jar against the bench jar of commit BEFORE (default 2b24344, the build
# before issue 13's refactoring), in one JVM by PairedCompileBench (alternate batches, the
# thread's CPU clock, the median of 60 paired ratios), ROUNDS times each of parseAndLower,
# compile (text to callable) and compileThenLoss (compile, then the first call of loss, which
# defines the deferred passes' class where a build defers it); then the sizes of the classes
# each defines for the thermometer (-Dsymgrad.dumpClasses). BEFORE is exported to a temporary
# folder and built there (nothing written to ~/.m2). Run from the repository root after
# mvn -B -pl bench -am package -DskipTests. Usage: bench/results/compile-paired.sh [ROUNDS [BEFORE]]
set -euo pipefail
rounds=${1:-3}
before=${2:-2b24344}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/before"
git archive "$before" | tar -x -C "$work/before"
(cd "$work/before" && mvn -B -q -o -pl bench -am package -DskipTests \
  -Dmaven.repo.local="$HOME/.m2/repository" >/dev/null)
cp "$work/before/bench/target/benchmarks.jar" "$work/before.jar"
cp bench/target/benchmarks.jar "$work/ours.jar"
javac -d "$work/paired" bench/results/PairedCompileBench.java
echo "baseline: $before; ours: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with uncommitted changes')"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for stage in parseAndLower compile compileThenLoss; do
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
