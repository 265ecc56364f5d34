#!/bin/bash
# Regenerates compile-lanes-s21.txt (beside this script): what issue 18's one summation order
# (commit 0fb9f4b: eight interleaved lanes, the fused loop's body written once per lane) cost
# the warm compile latency of the thermometer, alone: the bench jar of its parent (8a88b63)
# against its own, paired in one JVM by PairedCompileBench (alternate batches, the thread's CPU
# clock, the median of 60 paired ratios), ROUNDS times; then the sizes of the class each
# defines. Both commits are exported to a temporary folder and built there (nothing written to
# ~/.m2). Read with compile-s20.txt: text to callable against the build before issue 13.
# Run from the repository root. Usage: bench/results/compile-lanes.sh [ROUNDS]
set -euo pipefail
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for commit in 8a88b63 0fb9f4b; do
  mkdir "$work/$commit"
  git archive "$commit" | tar -x -C "$work/$commit"
  (cd "$work/$commit" && mvn -B -q -o -pl bench -am package -DskipTests \
    -Dmaven.repo.local="$HOME/.m2/repository" >/dev/null 2>&1)
  cp "$work/$commit/bench/target/benchmarks.jar" "$work/$commit.jar"
done
javac -d "$work/paired" bench/results/PairedCompileBench.java
echo "baseline: 8a88b63 (before the lanes); ours: 0fb9f4b (the lanes)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  java -cp "$work/paired" PairedCompileBench "$work/8a88b63.jar" "$work/0fb9f4b.jar" compile
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat >"$work/Dump.java" <<'JAVA'
public class Dump {
  public static void main(String[] a) {
    org.symgrad.compiler.Symgrad.compile(org.symgrad.compiler.parse.ModelParser
        .parse(org.symgrad.bench.Thermometer.MODEL, "thermometer.sg"));
  }
}
JAVA
for commit in 8a88b63 0fb9f4b; do
  javac -cp "$work/$commit.jar" -d "$work/dump-$commit" "$work/Dump.java"
  java -Dsymgrad.dumpClasses="$work/classes-$commit" -cp "$work/$commit.jar:$work/dump-$commit" Dump
  echo "class defined ($commit): $(cd "$work/classes-$commit" && for f in *.class; do
    printf '%s %s bytes; ' "$f" "$(wc -c <"$f")"; done)"
done
