#!/usr/bin/env bash
# Runs one libFuzzer harness on a fresh corpus seeded from the fixtures, the committed exports and Seeds/HARNESS/,
# after replaying its regression inputs.
#   FuzzTesting/fuzz.sh HARNESS time SECONDS   explore for a while (make fuzz)
#   FuzzTesting/fuzz.sh HARNESS runs N         a short, fixed number of runs (make test)
# FUZZ_CONFIG names the build to run (debug unless told; `make fuzz` builds and runs release).
# A crash, a leak of control (timeout) or an out-of-memory stops it with a non-zero status and an artifact under
# FuzzTesting/Crashes/; copy it into FuzzTesting/Regressions/HARNESS/ once fixed, so every later run replays it.
set -euo pipefail
cd "$(dirname "$0")"
harness=$1 mode=$2 amount=$3
binary=.build/${FUZZ_CONFIG:-debug}/$harness
[ -x "$binary" ] || { echo "fuzz: $binary is not built; run 'make fuzz-build FUZZ_CONFIG=${FUZZ_CONFIG:-debug}'" >&2; exit 2; }

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
case $harness in
  FuzzYAML) seeds=(../Fixtures/invalid/*.yaml ../Fixtures/central-asia/dataset.yaml) ;;
  FuzzXLSX) seeds=(../Exports/xlsx/*.xlsx Seeds/FuzzXLSX/*) ;;
  FuzzCSV) seeds=(../Exports/csv/*.csv Seeds/FuzzCSV/*) ;;
  FuzzGeoJSON) seeds=(../Exports/geojson/* ../Exports/geojsonseq/* ../Fixtures/natural-earth/*.geojson Seeds/FuzzGeoJSON/*) ;;
  *) echo "fuzz: no seeds for $harness" >&2; exit 2 ;;
esac
cp "${seeds[@]}" "$corpus/"
if [ "$harness" = FuzzXLSX ]; then
  # Each part of the exported workbooks is a seed too, in the harness's part-edit form: its name, a line feed and
  # its text, which the harness puts back into the workbook in place of the original.
  python3 - "$corpus" ../Exports/xlsx/*.xlsx <<'PYTHON'
import sys, zipfile
for number, path in enumerate(sys.argv[2:]):
    with zipfile.ZipFile(path) as workbook:
        for index, name in enumerate(workbook.namelist()):
            with open(f"{sys.argv[1]}/part-{number}-{index}", "wb") as seed:
                seed.write(name.encode() + b"\n" + workbook.read(name))
PYTHON
fi
mkdir -p Crashes "Regressions/$harness"

case $mode in
  time) limit=(-max_total_time="$amount") ;;
  runs) limit=(-runs="$amount") ;;
  *) echo "fuzz: mode is 'time' or 'runs'" >&2; exit 2 ;;
esac
# LeakSanitizer reports Swift's lazily initialised globals as leaks; leaks are not what these harnesses look for.
export ASAN_OPTIONS=detect_leaks=0
# Every workbook run exports through a scratch folder in TMPDIR and flushes what it writes: in memory, where the
# machine has that, it takes a fraction of the time.
[ -w /dev/shm ] && export TMPDIR=/dev/shm
# A failed precondition is reported by libFuzzer's handler, with the input saved; Swift's own backtracer would
# race it and trip over AddressSanitizer's shadow memory.
export SWIFT_BACKTRACE=enable=no
# Replay every regression input first, then explore.
if compgen -G "Regressions/$harness/*" >/dev/null; then
  replay_log=$corpus.replay
  if "$binary" -runs=0 -timeout=10 -rss_limit_mb=2048 Regressions/"$harness"/* >"$replay_log" 2>&1; then
    echo "fuzz: $harness replayed $(find Regressions/"$harness" -type f | wc -l) regression inputs"
    rm -f "$replay_log"
  else
    tail -n 40 "$replay_log" >&2
    echo "fuzz: $harness failed on a regression input in FuzzTesting/Regressions/$harness/" >&2
    rm -f "$replay_log"
    exit 1
  fi
fi
# Tokens the harness's input format is made of, which random mutation would rarely put together.
dictionary=()
[ -f "Dictionaries/$harness.dict" ] && dictionary=(-dict="Dictionaries/$harness.dict")
log=$corpus.log
status=0
"$binary" "$corpus" "${limit[@]}" "${dictionary[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
  -artifact_prefix="Crashes/$harness-" >"$log" 2>&1 || status=$?
if [ "$status" -eq 0 ]; then
  echo "fuzz: $harness passed ($(grep -E '^Done [0-9]+ runs' "$log" || echo "$mode $amount"))"
else
  tail -n 40 "$log" >&2
  echo "fuzz: $harness failed with status $status; the input is under FuzzTesting/Crashes/" >&2
fi
rm -f "$log"
exit "$status"
