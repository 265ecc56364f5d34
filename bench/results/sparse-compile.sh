#!/bin/bash
# Issue 16 defect 8, before and after: SparseCompileTime (beside this script) once per size
# in a fresh JVM, against two builds' class paths (the compiler's classes, the runtime's and
# their jars). Usage: sparse-compile.sh BEFORE_CLASSPATH AFTER_CLASSPATH [sizes] [dense]
set -euo pipefail
before=$1; after=$2; sizes=${3:-"512 2048"}; mode=${4:-}
dir=$(mktemp -d)
javac -cp "$after" -d "$dir" "$(dirname "$0")/SparseCompileTime.java"
for n in $sizes; do
  for build in before after; do
    cp=${!build}
    echo -n "$build: "
    java -cp "$cp:$dir" SparseCompileTime "$n" $mode 2>&1 | grep -v WARNING || echo "(failed)"
  done
done
