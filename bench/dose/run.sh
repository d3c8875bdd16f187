#!/usr/bin/env bash
# Benchmark: Y-90 VSV dose map of a 200 x 200 x 111 PET (4.07 x 4.07 x 2 mm) by VoxDose vs a reference Python
# implementation (pydicom + scipy.signal.fftconvolve) on the same DICOM series and the same kernel.
# Whole process each (read series, decay, convolve, write result). Usage: bench/dose/run.sh [work dir]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/voxdose-bench-dose.XXXXXX)}"
mkdir -p "$work"
echo "bench/dose: work dir $work; $(nproc) cores"

# The C# side is published ReadyToRun (precompiled, as the Python side's numpy/scipy are); plain build if that fails.
if ! dotnet publish "$here/DoseBench/DoseBench.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
     -o "$work/bin" -nologo -v q >/dev/null 2>&1; then
  echo "bench/dose: ReadyToRun publish failed (offline?); using a JIT build"
  dotnet build "$here/DoseBench/DoseBench.csproj" -c Release -o "$work/bin" -nologo -v q >/dev/null
fi
dotnet build "$repo/src/StoreScp/StoreScp.csproj" -c Release -o "$work/voxdose" -nologo -v q >/dev/null

[ -d "$work/series" ] || dotnet "$work/bin/dosebench.dll" generate "$work/series"
dotnet "$work/voxdose/voxdose.dll" kernel --spacing 4.07 4.07 2 --digits 17 --output "$work/kernel.txt"

# Warm the page cache for both (files read once before timing).
cat "$work"/series/*.dcm > /dev/null

# Each side runs RUNS times, alternating (the machine is shared: the best run is the least disturbed one).
RUNS="${RUNS:-3}"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M %U %S" -o "$work/time-voxdose-$i" dotnet "$work/bin/dosebench.dll" dose "$work/series" "$work/dose-voxdose.f32"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time-python-$i" /usr/bin/python3 "$here/reference_dose.py" "$work/series" "$work/kernel.txt" "$work/dose-python.f32"
done
/usr/bin/python3 "$here/compare.py" "$work/dose-voxdose.f32" "$work/dose-python.f32"

read -r vt vm _ _ <<< "$(cat "$work"/time-voxdose-* | sort -n | head -1)"
read -r pt pm _ _ <<< "$(cat "$work"/time-python-* | sort -n | head -1)"
vc=$(cat "$work"/time-voxdose-* | awk '{ print $3 + $4 }' | sort -n | head -1)
pc=$(cat "$work"/time-python-* | awk '{ print $3 + $4 }' | sort -n | head -1)
awk -v vt="$vt" -v vm="$vm" -v vc="$vc" -v pt="$pt" -v pm="$pm" -v pc="$pc" -v runs="$RUNS" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v cores="$(nproc)" 'BEGIN {
  printf "whole process, best of %d: voxdose %.2f s wall / %.2f s CPU (peak RSS %.0f MB), python %.2f s wall / %.2f s CPU (peak RSS %.0f MB)\n", runs, vt, vc, vm/1024, pt, pc, pm/1024
  printf "python/voxdose: %.2fx wall, %.2fx CPU (load average %s on %d cores)\n", pt/vt, pc/vc, load, cores }'
