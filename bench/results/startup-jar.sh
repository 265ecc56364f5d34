#!/bin/bash
# Regenerates startup-s25.txt (beside this script; startup-s19.txt and -s22.txt are earlier
# runs, made before the text-mode commands were added): start-up of the thermometer fit and a
# grad, with --json and as the README shows them (text), of an eval of a saved fit, of the raw
# thermometer fitted by lm and of emit,
# this checkout's jar (A) against the jar of commit BEFORE (B), each run by its own ./symgrad
# with its own class-data archive; startup.sh compares launchers on one jar, which cannot show
# a change inside the jar. B is exported to a temporary folder and built there by its launcher
# (mvn package, nothing written to ~/.m2). First the counts that do not depend on the machine's
# load, one process each (classes loaded, from outside the archive, generated at run time;
# call sites bootstrapped; methods compiled; threads started; collections), then the whole
# processes timed by bench/startup.py in turn. Run from the repository root after ./symgrad
# has run once. Usage: bench/results/startup-jar.sh [RUNS [BEFORE]]   (default: 15, and the
# commit this branch left main at)
set -euo pipefail
runs=${1:-15}
before=${2:-$(git merge-base HEAD main)}
M=samples/thermometer/thermometer.sg
GRAD=(grad 'w*x+b' --at w=1,x=1,b=0 --json)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# What the README shows: its first command, and its grad example, both printing text.
README_FIT=(fit $M --val-fraction 0)
README_GRAD=(grad 'w * t_u + b' --at 'w=1,t_u=35.7,b=0')
EVAL=(eval $M --init "$work/fit.json")
LM=(fit samples/thermometer/thermometer_raw.sg --optimizer lm)
EMIT=(emit $M)
mkdir "$work/before"
git archive "$before" | tar -x -C "$work/before"
B="$work/before/symgrad"
"$B" "${GRAD[@]}" >/dev/null # builds B's jar and archive
./symgrad "${GRAD[@]}" >/dev/null
./symgrad fit $M --json --quiet --save "$work/fit.json" >/dev/null

# One process of LAUNCHER ARGS…, logged; prints its counts on one line.
counts() {
  local log="$work/log" launcher=$1
  shift
  rm -f "$log".*
  SYMGRAD_JAVA_OPTS="-Xlog:class+load:file=$log.load -Xlog:jit+compilation=debug:file=$log.jit \
-Xlog:methodhandles+indy=debug:file=$log.indy -Xlog:os+thread:file=$log.thread \
-Xlog:gc:file=$log.gc" "$launcher" "$@" >/dev/null
  printf '%6d %8d %9d %10d %9d %8d %8d\n' \
    "$(grep -c . "$log.load")" \
    "$(grep -vc 'source: shared objects file' "$log.load")" \
    "$(grep -v 'source: shared objects file' "$log.load" | grep -c 'source: __')" \
    "$(grep -c 'resolve_invokedynamic Bootstrap' "$log.indy")" \
    "$(grep -c . "$log.jit")" \
    "$(grep -c 'started (pthread' "$log.thread")" \
    "$(grep -c 'Pause' "$log.gc" || true)"
}

# Whole processes: ./symgrad ARGS… (A) in turn with B's launcher on the same arguments.
timed() {
  python3 bench/startup.py -n "$runs" --vs "$B $(printf '%q ' "$@")" -- ./symgrad "$@"
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); bench/results/startup-jar.sh $runs $before"
echo "# A: this checkout ($(git rev-parse --short HEAD)), B: $before ($(git rev-parse --short "$before"))"
echo
echo "# counts, one process each: classes loaded, of them from outside the archive, of them"
echo "# generated at run time; invokedynamic call sites bootstrapped; methods compiled (C1);"
echo "# threads started; collections"
echo "#                    loaded  outside generated bootstraps  compiled  threads  pauses"
for side in A B; do
  launcher=./symgrad
  [ $side = A ] || launcher=$B
  echo "$side fit              $(counts "$launcher" fit $M --json --quiet)"
  echo "$side grad             $(counts "$launcher" "${GRAD[@]}")"
  echo "$side fit, text        $(counts "$launcher" "${README_FIT[@]}" 2>/dev/null)"
  echo "$side grad, text       $(counts "$launcher" "${README_GRAD[@]}")"
  echo "$side eval --init      $(counts "$launcher" "${EVAL[@]}")"
  echo "$side fit by lm, text  $(counts "$launcher" "${LM[@]}" 2>/dev/null)"
  echo "$side emit             $(counts "$launcher" "${EMIT[@]}")"
done
echo
echo "# 1. the thermometer fit, A against B"
timed fit $M --json --quiet
echo
echo "# 2. grad, A against B"
timed "${GRAD[@]}"
echo
echo "# 3. the README's first command (text; its log on standard error), A against B"
timed "${README_FIT[@]}"
echo
echo "# 4. the README's grad example (text), A against B"
timed "${README_GRAD[@]}"
echo
echo "# 5. eval of a saved fit (reads the checkpoint), A against B"
timed "${EVAL[@]}"
echo
echo "# 6. the raw thermometer by lm (text: the nls-style summary), A against B"
timed "${LM[@]}"
echo
echo "# 7. emit, A against B"
timed "${EMIT[@]}"
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
