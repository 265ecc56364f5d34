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

for f in bin/symgrad bin/symgrad.bat README LICENSE NOTICE lib/THIRD-PARTY.txt; do
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

# From another folder, through a symbolic link, as a user's PATH would run it.
ln -s "$dir/$home/bin/symgrad" "$dir/symgrad-link"
mkdir elsewhere && cd elsewhere
../symgrad-link --help > help.txt || fail "bin/symgrad --help failed"
grep -q "grad" help.txt || fail "bin/symgrad --help does not list the commands"
out=$(../symgrad-link grad "x^2" --at "x=3" --json) || fail "bin/symgrad grad failed"
echo "$out" | grep -q '"gradient": *{ *"x": *6.0' || fail "bin/symgrad grad printed $out"
echo "distribution: $(basename "$zip") unpacks and bin/symgrad runs: $out"
