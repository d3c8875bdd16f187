#!/usr/bin/env bash
# Whole-process benchmark: `voxdose dose` with EVERY output (results.json, dose.mha, RT Dose, SR, PDF, encapsulated
# PDF, Secondary Capture; the phantom's RTSTRUCT applied) against the pydicom + scipy peer (reference_dose.py)
# computing the dose map alone from the same 200 x 200 x 111 PET series. Three variants: VSV on the PET grid, VSV on
# the 3 mm grid (--resample-mm 3) and LDM. Alternating runs, median of RUNS (default 3) of CPU (user + system), wall
# and peak RSS (/usr/bin/time). Targets: CPU and wall ratio voxdose/peer <= 0.5, peak memory ratio <= 0.75.
# Prints both sides and the ratios; exits 1 when a target is missed (the machine may be shared: read CPU first).
# Usage: bench/dose/run.sh [work dir]   (VOXDOSE_BIN=folder with a built voxdose.dll skips the build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/voxdose-bench-dose.XXXXXX)}"
mkdir -p "$work"
RUNS="${RUNS:-3}"
bin="${VOXDOSE_BIN:-}"
if [ -z "$bin" ]; then bin="$work/voxdose"; "$repo/tools/publish-voxdose.sh" "$bin" >/dev/null; fi
[ -d "$work/phantom" ] || dotnet "$bin/voxdose.dll" phantom --out "$work/phantom" --slices 111 >/dev/null
dotnet "$bin/voxdose.dll" kernel --spacing 4.07 4.07 2.027 --digits 17 --output "$work/kernel.txt" >/dev/null
dotnet "$bin/voxdose.dll" kernel --spacing 3 3 3 --digits 17 --output "$work/kernel3.txt" >/dev/null
cat "$work"/phantom/pet/*.dcm "$work/phantom/rtstruct.dcm" >/dev/null  # page cache warm for both sides
echo "bench/dose/run: $(nproc) cores (shared with other work), load average $(cut -d' ' -f1-3 /proc/loadavg); voxdose from $bin; median of $RUNS"

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
field() { for f in "$@"; do awk '{ print $1, $2 / 1024, $3 + $4 }' "$f"; done; }  # wall s, RSS MB, CPU s
status=0
missed=0
for variant in vsv vsv3 ldm; do
  case $variant in
    vsv) args=(--method vsv); kernel="$work/kernel.txt" ;;
    vsv3) args=(--method vsv --resample-mm 3); kernel="$work/kernel3.txt" ;;
    ldm) args=(--method ldm); kernel="$work/kernel.txt" ;;
  esac
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/t-$variant-voxdose-$i" dotnet "$bin/voxdose.dll" dose "$work/phantom" "${args[@]}" \
      --out "$work/out-$variant" >"$work/log-$variant-voxdose" 2>&1 || { cat "$work/log-$variant-voxdose" >&2; exit 1; }
    /usr/bin/time -f "%e %M %U %S" -o "$work/t-$variant-peer-$i" /usr/bin/python3 "$here/reference_dose.py" "$work/phantom/pet" "$kernel" \
      "$work/peer-$variant.f32" "$variant" >"$work/log-$variant-peer" 2>&1 || { cat "$work/log-$variant-peer" >&2; exit 1; }
  done
  for f in rtdose.dcm sr.dcm report.pdf report-pdf.dcm fusion-sc.dcm results.json dose.mha; do
    [ -s "$work/out-$variant/$f" ] || { echo "voxdose wrote no $f" >&2; exit 1; }
  done
  # Same dose map? dose.mha ends with the float32 voxels (same grid as the peer's output).
  tail -c "$(stat -c %s "$work/peer-$variant.f32")" "$work/out-$variant/dose.mha" > "$work/voxdose-$variant.f32"
  agreement=$(/usr/bin/python3 "$here/compare.py" "$work/voxdose-$variant.f32" "$work/peer-$variant.f32")
  read -r vw vm vc < <(paste <(field "$work"/t-$variant-voxdose-* | awk '{print $1}' | median) \
    <(field "$work"/t-$variant-voxdose-* | awk '{print $2}' | median) <(field "$work"/t-$variant-voxdose-* | awk '{print $3}' | median))
  read -r pw pm pc < <(paste <(field "$work"/t-$variant-peer-* | awk '{print $1}' | median) \
    <(field "$work"/t-$variant-peer-* | awk '{print $2}' | median) <(field "$work"/t-$variant-peer-* | awk '{print $3}' | median))
  line=$(awk -v v="$variant" -v vw="$vw" -v vm="$vm" -v vc="$vc" -v pw="$pw" -v pm="$pm" -v pc="$pc" 'BEGIN {
    printf "%-5s voxdose (all outputs) %.2f s CPU %.2f s wall %.0f MB | peer (dose map only) %.2f s CPU %.2f s wall %.0f MB | ratio CPU %.2f wall %.2f memory %.2f",
      v, vc, vw, vm, pc, pw, pm, vc / pc, vw / pw, vm / pm }')
  echo "$line"
  echo "      $agreement"
  for check in "CPU:$vc:$pc:0.5" "wall:$vw:$pw:0.5" "memory:$vm:$pm:0.75"; do
    IFS=: read -r what a b target <<< "$check"
    if awk -v a="$a" -v b="$b" -v t="$target" 'BEGIN { exit !(a / b > t) }'; then
      echo "MISSED: $variant $what ratio $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }') > $target" >&2; status=1; missed=$((missed + 1))
    fi
  done
done
if [ "$status" -ne 0 ]; then echo "FAILED: bench/dose/run: $missed of 9 targets missed (see MISSED lines)" >&2; else echo "PASSED: bench/dose/run: all 9 targets met"; fi
exit $status
