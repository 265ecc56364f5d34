#!/bin/bash
# CompileBench's two benchmarks by the thread's CPU clock (CpuCompileBench.java, beside this
# script), two benchmark jars alternately, so that a loaded machine's other processes count
# less than in JMH's wall-clock figures.
# Usage: cpu-compile.sh BASELINE.jar OURS.jar [rounds] [benchmarks, default "parseAndLower compile"]
set -euo pipefail
base=$1; ours=$2; rounds=${3:-4}; benches=${4:-parseAndLower compile}
dir=$(mktemp -d)
javac -cp "$ours" -d "$dir" "$(dirname "$0")/CpuCompileBench.java"
for r in $(seq 1 "$rounds"); do
  for b in $benches; do
    for jar in "$base" "$ours"; do
      echo -n "round $r $(basename "$jar"): "
      java -cp "$jar:$dir" CpuCompileBench "$b" 2>&1 | grep -v WARNING
    done
  done
done
