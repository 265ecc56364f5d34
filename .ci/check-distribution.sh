#!/bin/sh
# The command's distribution works where only Java is: unpacks symgrad-<version>.zip into an
# empty folder, runs bin/symgrad from there (with no Maven, no checkout on the class path),
# and checks its answers. Run by `mvn verify` (cli module, verify phase).
# Usage: check-distribution.sh ZIP
set -eu
zip=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/symgrad-dist.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
cd "$dir"
unzip -q "$zip"
home=$(echo symgrad-*)
fail() { echo "distribution: $*" >&2; exit 1; }

for f in bin/symgrad bin/symgrad.bat README LICENSE NOTICE lib/THIRD-PARTY.txt \
    samples/thermometer/thermometer.sg samples/thermometer/thermometer.csv; do
  [ -f "$home/$f" ] || fail "$f is missing from $(basename "$zip")"
done
[ -x "$home/bin/symgrad" ] || fail "bin/symgrad is not executable"
ls "$home"/lib/symgrad-cli-*.jar "$home"/lib/symgrad-compiler-*.jar \
  "$home"/lib/symgrad-runtime-*.jar >/dev/null || fail "a symgrad jar is missing from lib/"

# THIRD-PARTY.txt names every library jar in lib/, one line each, and nothing else.
listed=$(sed -n 's/^  \([a-z][a-z0-9-]*\)  .*/\1/p' "$home/lib/THIRD-PARTY.txt" | sort)
shipped=$(cd "$home/lib" && ls *.jar | grep -v '^symgrad-' \
  | sed 's/-[0-9][0-9.]*\(-SNAPSHOT\)\{0,1\}\.jar$//' | sort)
[ "$listed" = "$shipped" ] || fail "lib/THIRD-PARTY.txt lists: $(echo $listed); lib/ holds: \
$(echo $shipped)"

# The class-data archive goes to the cache folder, here a scratch one.
export XDG_CACHE_HOME="$dir/cache"
# From another folder, through a symbolic link, as a user's PATH would run it.
ln -s "$dir/$home/bin/symgrad" "$dir/symgrad-link"
mkdir elsewhere && cd elsewhere
../symgrad-link --help > help.txt || fail "bin/symgrad --help failed"
grep -q "grad" help.txt || fail "bin/symgrad --help does not list the commands"
out=$(../symgrad-link grad "x^2" --at "x=3" --json) || fail "bin/symgrad grad failed"
echo "$out" | grep -q '"gradient": *{ *"x": *6.0' || fail "bin/symgrad grad printed $out"

# The first command made the class-data archive; later ones start from it (picocli's classes,
# Java 5 class files, come from it too), grad with the client compiler alone.
ls "$XDG_CACHE_HOME"/symgrad/symgrad-*.jsa >/dev/null 2>&1 \
  || fail "no class-data archive in $XDG_CACHE_HOME/symgrad after the first command"
flags=$(SYMGRAD_JAVA_OPTS="-Xlog:class+load:file=$dir/classes.log -XX:+PrintCommandLineFlags" \
  ../symgrad-link grad "x^2" --at "x=3" --json) || fail "bin/symgrad grad with the archive failed"
echo "$flags" | grep -q 'TieredStopAtLevel=1' || fail "grad ran with the optimising compiler"
grep -q 'picocli.CommandLine source: shared objects file' "$dir/classes.log" \
  || fail "picocli's classes were not loaded from the class-data archive"

# A small fit runs without the Vector API module (no incubator warning, the plain archive).
fitted=$(../symgrad-link fit "../$home/samples/thermometer/thermometer.sg" --json --quiet \
  2>"$dir/small-err.txt") || fail "bin/symgrad fit of the shipped sample failed"
echo "$fitted" | grep -q '"stopped": *"completed"' || fail "bin/symgrad fit printed $fitted"
! grep -q 'incubator' "$dir/small-err.txt" || fail "the thermometer fit added the Vector API module"
# ... and, being short, with the client compiler alone; a long one keeps the optimising compiler.
short=$(SYMGRAD_JAVA_OPTS=-XX:+PrintCommandLineFlags ../symgrad-link fit \
  "../$home/samples/thermometer/thermometer.sg" --json --quiet) || fail "the short fit failed"
echo "$short" | grep -q 'TieredStopAtLevel=1' || fail "the thermometer fit ran with C2"
long=$(SYMGRAD_JAVA_OPTS=-XX:+PrintCommandLineFlags ../symgrad-link fit \
  "../$home/samples/thermometer/thermometer.sg" --epochs 200000 --json --quiet) \
  || fail "the long fit failed"
! echo "$long" | grep -q 'TieredStopAtLevel=1' || fail "a fit of 200000 epochs ran with C1 alone"

# A fit of 1 MiB of data or more runs with the module by default, from an archive dumped with the
# module (its classes come from the archive too), and prints what the scalar kernels print.
awk 'BEGIN { print "t_u,t_c"; for (i = 0; i < 70000; i++)
  printf "%.6f,%.6f\n", 20 + (i * 7919 % 7000) / 100, (i * 104729 % 3000) / 100 }' >big.csv
big() {
  ../symgrad-link fit "../$home/samples/thermometer/thermometer.sg" --data big.csv --epochs 3 \
    --json --quiet "$@"
}
bigfit=$(SYMGRAD_JAVA_OPTS="-Xlog:class+load:file=$dir/fit-classes.log" big 2>"$dir/fit-err.txt") \
  || fail "bin/symgrad fit of 1 MiB of data failed: $(cat "$dir/fit-err.txt")"
ls "$XDG_CACHE_HOME"/symgrad/symgrad-*-vector.jsa >/dev/null 2>&1 \
  || fail "no class-data archive with the Vector API module after a large fit"
bigfit=$(SYMGRAD_JAVA_OPTS="-Xlog:class+load:file=$dir/fit-classes.log" big 2>"$dir/fit-err.txt") \
  || fail "bin/symgrad fit with the Vector API archive failed"
grep -q 'jdk.incubator.vector.DoubleVector source: shared objects file' "$dir/fit-classes.log" \
  || fail "fit did not load the Vector API's classes from the class-data archive"
grep -q 'incubator' "$dir/fit-err.txt" || fail "a fit of 1 MiB of data ran without the module"
scalar=$(SYMGRAD_VECTOR=off big 2>"$dir/off-err.txt") || fail "SYMGRAD_VECTOR=off fit failed"
[ "$scalar" = "$bigfit" ] || fail "SYMGRAD_VECTOR=off printed $scalar, the default $bigfit"
! grep -q 'incubator' "$dir/off-err.txt" || fail "SYMGRAD_VECTOR=off added the module"
# The data's size is its file's, also through a symbolic link (not the link's few bytes).
ln -s big.csv big-link.csv
../symgrad-link fit "../$home/samples/thermometer/thermometer.sg" --data big-link.csv --epochs 3 \
  --json --quiet >/dev/null 2>"$dir/link-err.txt" || fail "a fit through a symbolic link failed"
grep -q 'incubator' "$dir/link-err.txt" || fail "1 MiB of data through a link ran without the module"
# A data path that looks like an option is a file to the launcher's size checks too: find once
# took --data -fprint for its -fprint action and created (or truncated) a file named -prune.
cp big.csv ./-fprint
../symgrad-link fit "../$home/samples/thermometer/thermometer.sg" --data -fprint --epochs 3 \
  --json --quiet >/dev/null 2>"$dir/dash-err.txt" || fail "a fit of --data -fprint failed"
grep -q 'incubator' "$dir/dash-err.txt" || fail "1 MiB of data named -fprint ran without the module"
cp "../$home/samples/thermometer/thermometer.csv" ./-fprint
dash=$(SYMGRAD_JAVA_OPTS=-XX:+PrintCommandLineFlags ../symgrad-link fit \
  "../$home/samples/thermometer/thermometer.sg" --data -fprint --json --quiet) \
  || fail "a short fit of --data -fprint failed"
echo "$dash" | grep -q 'TieredStopAtLevel=1' || fail "the short fit of -fprint ran with C2"
[ ! -e ./-prune ] || fail "--data -fprint made a file named -prune"

# A Java without the module (a jlink image of what symgrad needs, where the JDK has jlink): the
# default runs the scalar kernels, with the same digits; on refuses, exit 2.
if command -v jlink >/dev/null 2>&1 && jlink --add-modules java.base,java.compiler,java.desktop,\
java.management,java.sql,jdk.unsupported --no-header-files --no-man-pages \
    --output "$dir/jre" >/dev/null 2>&1; then
  plain=$(JAVA_HOME="$dir/jre" big 2>"$dir/jre-err.txt") || fail "bin/symgrad fit on a Java \
without the module failed: $(cat "$dir/jre-err.txt")"
  [ "$plain" = "$bigfit" ] || fail "on a Java without the module fit printed $plain"
  code=0
  SYMGRAD_VECTOR=on JAVA_HOME="$dir/jre" big >/dev/null 2>"$dir/on-err.txt" || code=$?
  [ "$code" = 2 ] && grep -q 'no jdk.incubator.vector module' "$dir/on-err.txt" \
    || fail "SYMGRAD_VECTOR=on on a Java without the module: exit $code, $(cat "$dir/on-err.txt")"
fi
echo "distribution: $(basename "$zip") unpacks and bin/symgrad runs: $out"
