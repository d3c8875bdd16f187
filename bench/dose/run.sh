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

dotnet build "$here/DoseBench/DoseBench.csproj" -c Release -o "$work/bin" -nologo -v q >/dev/null
dotnet build "$repo/src/StoreScp/StoreScp.csproj" -c Release -o "$work/voxdose" -nologo -v q >/dev/null

[ -d "$work/series" ] || dotnet "$work/bin/dosebench.dll" generate "$work/series"
dotnet "$work/voxdose/voxdose.dll" kernel --spacing 4.07 4.07 2 --digits 17 --output "$work/kernel.txt"

# Warm the page cache for both (files read once before timing).
cat "$work"/series/*.dcm > /dev/null

/usr/bin/time -f "%e %M %U %S" -o "$work/time-voxdose" dotnet "$work/bin/dosebench.dll" dose "$work/series" "$work/dose-voxdose.f32"
/usr/bin/time -f "%e %M %U %S" -o "$work/time-python" /usr/bin/python3 "$here/reference_dose.py" "$work/series" "$work/kernel.txt" "$work/dose-python.f32"
/usr/bin/python3 "$here/compare.py" "$work/dose-voxdose.f32" "$work/dose-python.f32"

read -r vt vm vu vs < "$work/time-voxdose"
read -r pt pm pu ps < "$work/time-python"
awk -v vt="$vt" -v vm="$vm" -v vu="$vu" -v vs="$vs" -v pt="$pt" -v pm="$pm" -v pu="$pu" -v ps="$ps" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "whole process: voxdose %.2f s wall / %.2f s CPU (peak RSS %.0f MB), python %.2f s wall / %.2f s CPU (peak RSS %.0f MB)\n", vt, vu+vs, vm/1024, pt, pu+ps, pm/1024
  printf "python/voxdose: %.2fx wall, %.2fx CPU (load average %s on %d cores)\n", pt/vt, (pu+ps)/(vu+vs), load, 2 }'
