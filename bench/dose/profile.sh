#!/usr/bin/env bash
# Per-stage profile of `voxdose dose` (read, activity, kernel, convolution, rasterise, metrics, RT Dose, SR, images,
# PDF, writes) on the 200 x 200 x 111 phantom (+ its RTSTRUCT), for VSV, VSV on the 3 mm grid and LDM.
# Each stage's wall time and the process CPU (user + system) it used; the machine may be shared, so read CPU first.
# Usage: bench/dose/profile.sh [work dir]   (VOXDOSE_BIN=folder with a built voxdose.dll skips the build)
# Fails (exit 1, after printing every profile) when a variant compiled more than MAX_JIT_METHODS (default 1000) methods
# at run time: the ReadyToRun build of tools/publish-voxdose.sh compiles ~810-830 (1 440-1 480 before the cross-module
# generic compilation, thousands for a plain build), so more means the precompilation silently stopped working.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/voxdose-profile.XXXXXX)}"
mkdir -p "$work"
bin="${VOXDOSE_BIN:-}"
if [ -z "$bin" ]; then
  bin="$work/voxdose"
  "$repo/tools/publish-voxdose.sh" "$bin" >/dev/null
fi
[ -d "$work/phantom" ] || dotnet "$bin/voxdose.dll" phantom --out "$work/phantom" --slices 111 >/dev/null
cat "$work"/phantom/pet/*.dcm "$work/phantom/rtstruct.dcm" >/dev/null
max_jit="${MAX_JIT_METHODS:-1000}"
failed=0
echo "bench/dose/profile: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); voxdose from $bin"
for variant in "vsv" "vsv --resample-mm 3" "ldm"; do
  name=$(echo "$variant" | tr -d ' -')
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M %U %S" -o "$work/time-$name" dotnet "$bin/voxdose.dll" dose "$work/phantom" --out "$work/out-$name" \
    --method $variant --profile "$work/profile-$name.json" >"$work/log-$name" 2>&1 || { cat "$work/log-$name" >&2; exit 1; }
  read -r wall rss user sys < "$work/time-$name"
  echo
  echo "== voxdose dose --method $variant: whole process $wall s wall, $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}') s CPU, peak RSS $((rss / 1024)) MB"
  /usr/bin/python3 - "$work/profile-$name.json" "$max_jit" <<'PY' || failed=1
import json, sys
p = json.load(open(sys.argv[1]))
print(f"{'stage':<14} {'wall ms':>9} {'CPU ms':>9}  runs")
for s in p["stages"]:
    print(f"{s['name']:<14} {s['wallMs']:9.1f} {s['cpuMs']:9.1f}  {s['count']}{'  (in parallel with others)' if s['parallel'] else ''}")
print(f"{'total':<14} {p['totalWallMs']:9.1f} {p['totalCpuMs']:9.1f}  (peak working set {p['peakWorkingSetMB']} MB)")
if "jitMs" in p:
    print(f"{'of which JIT':<14} {p['jitMs']:9.1f} {'':>9}  ({p['jitMethods']} methods compiled at run time, not precompiled)")
    if p["jitMethods"] > int(sys.argv[2]):
        print(f"MISSED: {p['jitMethods']} methods compiled at run time > {sys.argv[2]} (MAX_JIT_METHODS): is this the ReadyToRun build?")
        sys.exit(1)
PY
done
if [ "$failed" = 1 ]; then echo "FAILED: bench/dose/profile: too many methods compiled at run time (see MISSED lines)" >&2; exit 1; fi
