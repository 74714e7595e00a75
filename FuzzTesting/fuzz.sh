#!/usr/bin/env bash
# Runs one libFuzzer harness on a fresh corpus seeded from the fixtures, plus its regression inputs.
#   FuzzTesting/fuzz.sh HARNESS time SECONDS   explore for a while (make fuzz)
#   FuzzTesting/fuzz.sh HARNESS runs N         a short, fixed number of runs (make test)
# A crash, a leak of control (timeout) or an out-of-memory stops it with a non-zero status and an artifact under
# FuzzTesting/Crashes/; copy it into FuzzTesting/Regressions/HARNESS/ once fixed, so every later run replays it.
set -euo pipefail
cd "$(dirname "$0")"
harness=$1 mode=$2 amount=$3
binary=.build/debug/$harness
[ -x "$binary" ] || { echo "fuzz: $binary is not built; run 'make fuzz-build'" >&2; exit 2; }

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
case $harness in
  FuzzYAML) seeds=(../Fixtures/invalid/*.yaml ../Fixtures/central-asia/dataset.yaml) ;;
  *) echo "fuzz: no seeds for $harness" >&2; exit 2 ;;
esac
cp "${seeds[@]}" "$corpus/"
mkdir -p Crashes "Regressions/$harness"

case $mode in
  time) limit=(-max_total_time="$amount") ;;
  runs) limit=(-runs="$amount") ;;
  *) echo "fuzz: mode is 'time' or 'runs'" >&2; exit 2 ;;
esac
# LeakSanitizer reports Swift's lazily initialised globals as leaks; leaks are not what these harnesses look for.
export ASAN_OPTIONS=detect_leaks=0
# Replay every regression input first, then explore.
if compgen -G "Regressions/$harness/*" >/dev/null; then
  "$binary" -runs=0 Regressions/"$harness"/* 2>&1 | tail -n 2
fi
log=$corpus.log
status=0
"$binary" "$corpus" "${limit[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="Crashes/$harness-" >"$log" 2>&1 || status=$?
if [ "$status" -eq 0 ]; then
  echo "fuzz: $harness passed ($(grep -E '^Done [0-9]+ runs' "$log" || echo "$mode $amount"))"
else
  tail -n 40 "$log" >&2
  echo "fuzz: $harness failed with status $status; the input is under FuzzTesting/Crashes/" >&2
fi
rm -f "$log"
exit "$status"
