#!/usr/bin/env bash
# CPU per received instance of two `voxdose serve` builds side by side (an A/B of a change, not a target check):
# both nodes get the same 600-instance series from DCMTK storescu (make_pet.py, a new series per send), two warm-up
# sends each, then MEASURED sends alternating A/B and B/A; CPU = utime + stime of the node from /proc/PID/stat around
# each send, divided by N. Prints ms CPU and instances/s per send, with the load average.
# Usage: bench/network/cpu-ab.sh MODE BIN_A BIN_B [MEASURED=6] [N=600]
#   MODE: Storage:SyncMode (PerInstance or PerAssociation). BIN_*: folders with voxdose.dll (tools/publish-voxdose.sh).
#   STORAGE_DIR: where the nodes' storage roots go (default $TMPDIR or /tmp; /dev/shm takes the disk out of an A/B).
#   ENV_A / ENV_B: extra environment for one node (e.g. ENV_B=DOTNET_TieredPGO=0).
set -euo pipefail
export TCP_NODELAY=1
cd "$(dirname "$0")/../.."
MODE=${1:?MODE}; A=${2:?BIN_A}; B=${3:?BIN_B}; K=${4:-6}; N=${5:-600}
W=$(mktemp -d "${STORAGE_DIR:-${TMPDIR:-/tmp}}/voxdose-cpuab-XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap cleanup EXIT
for d in $(seq 0 $((K + 1))); do /usr/bin/python3 bench/network/make_pet.py "$W/data$d" "$N" 192 & done; wait
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 not listening" >&2; exit 1; }
declare -A PORT PID
for side in A B; do
  bin=${!side}; extra="ENV_$side"
  PORT[$side]=$(free_port); mkdir -p "$W/$side"
  # shellcheck disable=SC2086
  VoxDose__Storage__Root="$W/$side" VoxDose__Storage__SyncMode="$MODE" VoxDose__Scp__Port="${PORT[$side]}" VoxDose__Scp__BindAddress=127.0.0.1 \
    VoxDose__Scp__AeTitle=OURS VoxDose__Scp__AllowAnyCaller=true VoxDose__Storage__MinFreeMegabytes=64 VoxDose__Web__Enabled=false \
    Logging__LogLevel__Default=Warning env ${!extra:-} dotnet "$bin/voxdose.dll" serve >"$W/$side.log" 2>&1 & PIDS+=($!); PID[$side]=$!
  wait_port "${PORT[$side]}"
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
send() { # side data -> "ms/inst inst/s"
  local side=$1 data=$2 c0 c1 t0 t1
  sync
  c0=$(cpu "${PID[$side]}"); t0=$(date +%s.%N)
  storescu -aec OURS +sd 127.0.0.1 "${PORT[$side]}" "$data" >/dev/null
  t1=$(date +%s.%N); sleep 0.3; c1=$(cpu "${PID[$side]}")
  awk -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v n="$N" -v t0="$t0" -v t1="$t1" \
    'BEGIN { printf "%.2f ms CPU/inst %.0f inst/s", c * 1000 / hz / n, n / (t1 - t0) }'
}
echo "cpu-ab: $MODE, A=$A, B=$B, $N instances per send, storage under $W ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg))"
for w in 0 1; do for side in A B; do echo "warm-up $((w + 1)) $side: $(send $side "$W/data$w")"; done; done
for k in $(seq 1 "$K"); do
  if (( k % 2 )); then order="A B"; else order="B A"; fi
  line="measured $k:"
  for side in $order; do line="$line $side $(send $side "$W/data$((k + 1))");"; done
  echo "$line load $(cut -d' ' -f1 /proc/loadavg)"
done
