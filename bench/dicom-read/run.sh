#!/usr/bin/env bash
# Benchmark: read a synthetic 200-slice PET series (200x200, 16-bit) with VoxDose and with pydicom, same run.
# Usage: bench/dicom-read/run.sh [REPEATS]   (default 5; each figure is the best of REPEATS after a warm-up)
# Prints the header-scan (stop before pixel data) and full-read times and pydicom/VoxDose ratios. Target: >= 3x.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repeats="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$here/DicomReadBench" -c Release -o "$work/bin" -v quiet -nologo >/dev/null
bench="$work/bin/dicom-read-bench"
"$bench" generate "$work/series"
echo "series: $(ls "$work/series" | wc -l) files, $(du -sh "$work/series" | cut -f1), written by VoxDose"

vox="$("$bench" time "$work/series" "$repeats")"
py="$(/usr/bin/python3 "$here/pydicom_read.py" "$work/series" "$repeats")"
pydicom_version="$(/usr/bin/python3 -c 'import pydicom; print(pydicom.__version__)')"

awk -v vox="$vox" -v py="$py" -v pv="$pydicom_version" 'BEGIN {
  split(vox, v, "\n"); split(py, p, "\n");
  for (i = 1; i <= 2; i++) {
    split(v[i], a, " "); split(p[i], b, " ");
    name = (a[1] == "scan") ? "header scan (stop before pixel data)" : "full read (pixel bytes accessed)";
    printf "%-38s VoxDose %8.1f ms   pydicom %s %8.1f ms   ratio %5.1fx\n", name, a[2] * 1000, pv, b[2] * 1000, b[2] / a[2];
  }
}'
