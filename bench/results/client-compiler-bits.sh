#!/bin/bash
# The launchers run a short fit with the client compiler alone (-XX:TieredStopAtLevel=1). Java's
# arithmetic is strict and every JIT tier calls the same Math stubs, so the result must be the
# same to the bit: this fits every sample model, with several optimizers, both ways and compares
# the printed JSON (the digits of every double). Writes client-compiler-bits.txt beside it.
# Run from the repository root after `mvn -B -q -pl cli -am package -DskipTests`.
set -euo pipefail
jar=cli/target/symgrad.jar
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(java -version 2>&1 | head -1)"
echo "# fit --json, default JIT against -XX:TieredStopAtLevel=1: same or DIFFERENT"
status=0
for model in $(find samples -name '*.sg' -not -path '*/spark/*' | sort); do
  for options in "" "--epochs 100000" "--optimizer adam --lr 0.01" "--optimizer lbfgs --epochs 20" \
      "--batch-size 4 --epochs 200"; do
    # shellcheck disable=SC2086
    c2=$(java -jar "$jar" fit "$model" --json --quiet $options 2>&1 || true)
    # shellcheck disable=SC2086
    c1=$(java -XX:TieredStopAtLevel=1 -jar "$jar" fit "$model" --json --quiet $options 2>&1 || true)
    if [ "$c1" = "$c2" ]; then verdict=same; else verdict=DIFFERENT; status=1; fi
    echo "$verdict  $model $options  $(printf '%s' "$c2" | cut -c1-90)"
  done
done
exit $status
