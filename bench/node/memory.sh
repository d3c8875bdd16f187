#!/usr/bin/env bash
# Memory of a node across studies: sends N (default 20) Y-90 phantom studies (PET + RTSTRUCT, new UIDs each) one
# after the other to a node with no destination (each study ends NotExported once its reports are on disk), and
# prints the node's resident set size (VmRSS) after each. The pipeline keeps no PET or volume between stages, so RSS
# must be stable: max - min over studies 5..N within 50 MB (exit 1 otherwise).
# Usage: bench/node/memory.sh [STUDIES=20] [SLICES=111]
source "$(dirname "$0")/common.sh"
studies="${1:-20}"; slices="${2:-111}"
work=$(mktemp -d /tmp/voxdose-memory-XXXX)
root="$work/node"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

build_voxdose
node_port=$(free_port)
export VoxDose__Storage__Root="$root" VoxDose__Scp__Port="$node_port" VoxDose__Scp__BindAddress=127.0.0.1 \
  VoxDose__Processing__SeriesQuietSeconds=2 VoxDose__Storage__MinFreeMegabytes=64 VoxDose__Scp__AllowAnyCaller=true
voxdose_bg serve >>"$work/node.log" 2>&1; node_pid=$!; pids+=($node_pid)
wait_port 127.0.0.1 "$node_port" 30

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$node_pid/status"; }
echo "study  rss_mb"
declare -a rss
for i in $(seq 1 "$studies"); do
  voxdose phantom --out "$work/p$i" --slices "$slices" --seed "$i" >/dev/null
  study=$(dcmdump +P StudyInstanceUID "$work/p$i/pet/PT0001.dcm" | sed 's/.*\[\(.*\)\].*/\1/')
  storescu -nh -aet MODALITY -aec VOXDOSE 127.0.0.1 "$node_port" "$work/p$i/rtstruct.dcm" "$work"/p"$i"/pet/PT*.dcm >"$work/send$i.log" 2>&1
  wait_state "$root" "$study" NotExported 600
  rss[$i]=$(rss_mb)
  printf "%5d  %s\n" "$i" "${rss[$i]}"
  rm -rf "$work/p$i"
done
/usr/bin/python3 - "${rss[@]:5}" <<'PY'
import sys
values = [float(v) for v in sys.argv[1:]]
lo, hi = min(values), max(values)
print(f"studies 5..{4 + len(values)}: min {lo:.1f} MB, max {hi:.1f} MB, spread {hi - lo:.1f} MB (limit 50 MB), max/min {hi / lo:.3f}")
sys.exit(0 if hi - lo <= 50 else 1)
PY
