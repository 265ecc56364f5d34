#!/bin/sh
# Reproducible builds: builds the library jars a second time, in a copy of the sources in
# another folder (so no output of the first build is reused), and fails when any differs
# byte for byte from the first build's. Run by `mvn verify` (cli module, verify phase),
# offline, against the local repository the first build filled. Test sources are compiled
# (not run): the compiler's tests read the runtime's test jar.
# Usage: check-reproducible.sh ROOT LOCAL_REPOSITORY MAVEN_HOME
set -eu
root=$1
repo=$2
mvn="$3/bin/mvn"
modules="runtime compiler"

copy=$(mktemp -d "${TMPDIR:-/tmp}/symgrad-repro.XXXXXX")
trap 'rm -rf "$copy"' EXIT INT TERM
(cd "$root" && tar --exclude=./.git --exclude='*/target' --exclude=./target -cf - .) \
  | (cd "$copy" && tar -xf -)

"$mvn" -B -q -o -Dstyle.color=never -Dmaven.repo.local="$repo" -f "$copy/pom.xml" \
  -pl "$(echo $modules | tr ' ' ,)" package \
  -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Denforcer.skip=true

status=0
for m in $modules; do
  for first in "$root/$m"/target/symgrad-*.jar; do
    case "$first" in *-sources.jar | *-javadoc.jar) continue ;; esac
    second="$copy/$m/target/$(basename "$first")"
    a=$(sha256sum < "$first" | cut -d' ' -f1)
    b=$(sha256sum < "$second" | cut -d' ' -f1)
    if [ "$a" = "$b" ]; then
      echo "reproducible: $m/target/$(basename "$first") $a"
    else
      echo "NOT reproducible: $m/target/$(basename "$first"): $a, then $b" >&2
      status=1
    fi
  done
done
exit $status
