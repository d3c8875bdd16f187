#!/usr/bin/env bash
# Large contours cost what they should: `voxdose dose` (every output) on the 200 x 200 x 111 phantom PET with a
# generated RTSTRUCT of >= 100 000 contour points (the phantom's contours, each edge split: same masks) against the
# same run without contours (perfused-region fallback). Alternating, median of RUNS (default 3) by CPU (user + system).
# Target: CPU with contours <= 1.5x without. Exits 1 when missed. Method: ldm (the issue's case) and vsv.
# Usage: bench/dose/rtstruct.sh [work dir] (VOXDOSE_BIN=folder with voxdose.dll skips the build; POINTS=120000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/voxdose-rtstruct.XXXXXX)}"
mkdir -p "$work"
bin="${VOXDOSE_BIN:-}"
if [ -z "$bin" ]; then bin="$work/voxdose"; "$repo/tools/publish-voxdose.sh" "$bin" >/dev/null; fi
RUNS="${RUNS:-3}"; POINTS="${POINTS:-120000}"
[ -d "$work/phantom" ] || dotnet "$bin/voxdose.dll" phantom --out "$work/phantom" --slices 111 >/dev/null
/usr/bin/python3 "$here/make_large_rtstruct.py" "$work/phantom/rtstruct.dcm" "$work/large-rtstruct.dcm" "$POINTS"
cat "$work"/phantom/pet/*.dcm "$work/large-rtstruct.dcm" >/dev/null
echo "bench/dose/rtstruct: $(nproc) cores (shared), load average $(cut -d' ' -f1-3 /proc/loadavg); $(du -k "$work/large-rtstruct.dcm" | cut -f1) kB RTSTRUCT"
cpu() { awk '{ printf "%.2f\n", $3 + $4 }' "$1"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
status=0
for method in ldm vsv; do
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/t-$method-with-$i" dotnet "$bin/voxdose.dll" dose "$work/phantom/pet" --rtstruct "$work/large-rtstruct.dcm" \
      --method "$method" --out "$work/out-$method-with" >"$work/log-$method-with" 2>&1 || { cat "$work/log-$method-with" >&2; exit 1; }
    /usr/bin/time -f "%e %M %U %S" -o "$work/t-$method-without-$i" dotnet "$bin/voxdose.dll" dose "$work/phantom/pet" \
      --method "$method" --out "$work/out-$method-without" >"$work/log-$method-without" 2>&1 || { cat "$work/log-$method-without" >&2; exit 1; }
  done
  grep -q '"role": "lesion"' "$work/out-$method-with/results.json" || { echo "the large RTSTRUCT was not applied" >&2; exit 1; }
  with=$(for f in "$work"/t-"$method"-with-*; do cpu "$f"; done | median)
  without=$(for f in "$work"/t-"$method"-without-*; do cpu "$f"; done | median)
  wwall=$(for f in "$work"/t-"$method"-with-*; do awk '{print $1}' "$f"; done | median)
  owall=$(for f in "$work"/t-"$method"-without-*; do awk '{print $1}' "$f"; done | median)
  ratio=$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.2f", a / b }')
  echo "$method: with the >= $POINTS-point RTSTRUCT $with s CPU ($wwall s wall), without contours $without s CPU ($owall s wall): ratio $ratio (target <= 1.5), median of $RUNS"
  if awk -v r="$ratio" 'BEGIN { exit !(r > 1.5) }'; then echo "MISSED: $method CPU ratio $ratio > 1.5" >&2; status=1; fi
done
if [ "$status" -ne 0 ]; then echo "FAILED: bench/dose/rtstruct: a CPU ratio above 1.5 (see MISSED lines)" >&2; else echo "PASSED: bench/dose/rtstruct: every ratio <= 1.5"; fi
exit $status
