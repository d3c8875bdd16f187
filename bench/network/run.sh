#!/usr/bin/env bash
# Network benchmark (not a test): DCMTK storescu sends N synthetic PET instances into
#   (a) the real node (`voxdose serve`: spool, SQLite audit database, assembly) in each Storage:SyncMode:
#       PerInstance (default: file, folders and audit row fsynced before each C-STORE response) and PerAssociation
#       (fsyncs batched at the association's release; survives kill -9, a power cut can lose the open association),
#   (b) DCMTK storescp (plain files, no fsync),
# all writing to the same disk, alternating for R rounds (each round sends a new series: new UIDs, nothing a duplicate).
# Prints instances/s for each side and each ratio; target: the node >= 1.5x DCMTK storescp. Prints FAILED and exits 1
# when a mode misses it. MODES="PerInstance" benches the default mode only.
# DCMTK leaves Nagle's algorithm on unless the environment variable TCP_NODELAY=1 is set; with Nagle on, each
# C-STORE waits for a delayed ACK (~40 ms) and DCMTK's storescp crawls at ~20 instances/s. That would be an unfair
# comparison, so TCP_NODELAY=1 is exported for storescu and storescp (set DCMTK_DEFAULT_NAGLE=1 to see the default).
# (c) the ceiling: DCMTK storescp --ignore with a 128 kB maximum PDU (DCMTK's largest; the node announces 256 kB, so
#     storescu sends each instance in one PDU to both): it receives every byte and answers Success but stores nothing,
#     no file, no database. No receiver that stores can be faster than that with this sender on this machine, so its
#     ratio to storescp bounds what any storing receiver can reach; printed next to the target, which stays 1.5.
# The PET is Y-90 (PET=y90, default): the node assembles its series as it would a patient's; its quiet period is set to an
# hour so no dose computation starts during the benchmark (nothing else competes for the CPU). PET=other sends a PET
# with no radiopharmaceutical, which the node stores and sets aside (the path measured before 2026-11-30's last pass).
# Usage: bench/network/run.sh [N=600] [ROUNDS=3] [MATRIX=192]
set -euo pipefail
if [ "${DCMTK_DEFAULT_NAGLE:-0}" != 1 ]; then export TCP_NODELAY=1; fi
cd "$(dirname "$0")/../.."
N=${1:-600}; ROUNDS=${2:-3}; SIZE=${3:-192}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/voxdose-netbench-XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

BIN="${VOXDOSE_BIN:-$WORK/bin}"
if [ -z "${VOXDOSE_BIN:-}" ]; then
  echo "building voxdose (Release, ReadyToRun)..."
  tools/publish-voxdose.sh "$BIN" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
echo "generating $N PET instances (${SIZE}x${SIZE}, 16-bit, Explicit VR LE)..."
PET=${PET:-y90}
for r in $(seq 0 "$ROUNDS"); do /usr/bin/python3 bench/network/make_pet.py "$WORK/data$r" "$N" "$SIZE" "$PET"; done
du -sh "$WORK/data0" | awk '{print "data per round: " $1}'

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 not listening" >&2; exit 1; }

DCMTK_PORT=$(free_port)
mkdir -p "$WORK/dcmtk"
storescp -aet DCMTK -od "$WORK/dcmtk" "$DCMTK_PORT" >"$WORK/dcmtk.log" 2>&1 & PIDS+=($!)
wait_port "$DCMTK_PORT"
CEILING_PORT=$(free_port)
mkdir -p "$WORK/ceiling"
storescp --ignore -pdu 131072 -aet CEILING -od "$WORK/ceiling" "$CEILING_PORT" >"$WORK/ceiling.log" 2>&1 & PIDS+=($!)
wait_port "$CEILING_PORT"

MODES=${MODES:-PerInstance PerAssociation}
declare -A PORT
for m in $MODES; do
  PORT[$m]=$(free_port)
  mkdir -p "$WORK/ours-$m"
  VoxDose__Storage__Root="$WORK/ours-$m" VoxDose__Storage__SyncMode="$m" VoxDose__Scp__Port="${PORT[$m]}" VoxDose__Scp__BindAddress=127.0.0.1 \
    VoxDose__Scp__AeTitle=OURS VoxDose__Scp__AllowAnyCaller=true VoxDose__Storage__MinFreeMegabytes=64 VoxDose__Web__Enabled=false VoxDose__Processing__SeriesQuietSeconds=3600 \
    Logging__LogLevel__Default=Warning dotnet "$BIN/voxdose.dll" serve >"$WORK/ours-$m.log" 2>&1 & PIDS+=($!)
  wait_port "${PORT[$m]}"
  # One warm-up send (page cache, JIT), not counted.
  storescu -aec OURS +sd 127.0.0.1 "${PORT[$m]}" "$WORK/data0" >/dev/null
done
storescu -aec DCMTK +sd 127.0.0.1 "$DCMTK_PORT" "$WORK/data0" >/dev/null
storescu -aec CEILING +sd 127.0.0.1 "$CEILING_PORT" "$WORK/data0" >/dev/null

run_one() { # name port data outdir -> prints instances/s (outdir: where this round's files land)
  local name=$1 port=$2 data=$3 out=$4
  sync
  local t0 t1
  t0=$(date +%s.%N)
  storescu -aec "$name" +sd 127.0.0.1 "$port" "$data" >/dev/null
  t1=$(date +%s.%N)
  local stored
  stored=$(find "$out" -type f 2>/dev/null | wc -l)
  [ "$stored" -eq "$N" ] || { echo "$name stored $stored of $N" >&2; exit 1; }
  echo "$N $t0 $t1" | awk '{printf "%.1f", $1 / ($3 - $2)}'
}
study_of() { /usr/bin/python3 -c 'import pydicom,sys,glob; print(pydicom.dcmread(sorted(glob.glob(sys.argv[1] + "/*.dcm"))[0], stop_before_pixels=True).StudyInstanceUID)' "$1"; }

ceiling_one() { # port data -> instances/s of the receive-and-discard peer (it stores nothing, so nothing to count)
  local t0 t1
  sync
  t0=$(date +%s.%N)
  storescu -aec CEILING +sd 127.0.0.1 "$1" "$2" >/dev/null
  t1=$(date +%s.%N)
  echo "$N $t0 $t1" | awk '{printf "%.1f", $1 / ($3 - $2)}'
}
declare -A ALL
dcmtk_all=(); ceiling_all=()
for r in $(seq 1 "$ROUNDS"); do
  line="round $r:"
  for m in $MODES; do
    o=$(run_one OURS "${PORT[$m]}" "$WORK/data$r" "$WORK/ours-$m/spool/$(study_of "$WORK/data$r")")
    ALL[$m]="${ALL[$m]:-} $o"; line="$line voxdose serve ($m) $o inst/s,"
  done
  rm -rf "$WORK/dcmtk"; mkdir -p "$WORK/dcmtk"
  d=$(run_one DCMTK "$DCMTK_PORT" "$WORK/data$r" "$WORK/dcmtk"); dcmtk_all+=("$d")
  c=$(ceiling_one "$CEILING_PORT" "$WORK/data$r"); ceiling_all+=("$c")
  echo "$line dcmtk storescp $d inst/s, ceiling (storescp --ignore) $c inst/s"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
md=$(median "${dcmtk_all[@]}")
echo "median over $ROUNDS rounds, $N $PET PET instances of ${SIZE}x${SIZE} ($(nproc) cores, shared; load average $(cut -d' ' -f1 /proc/loadavg)):"
mc=$(median "${ceiling_all[@]}")
cratio=$(awk -v a="$mc" -v b="$md" 'BEGIN {printf "%.2f", a / b}')
echo "  ceiling: storescp --ignore (receives, stores nothing) $mc inst/s = $cratio x dcmtk storescp$(awk -v r="$cratio" 'BEGIN { if (r < 1.5) print ": even a receiver that stores nothing misses 1.5x here, the sender (storescu) bounds the rate" }')"
failed=0
for m in $MODES; do
  # shellcheck disable=SC2086
  mo=$(median ${ALL[$m]})
  ratio=$(awk -v a="$mo" -v b="$md" 'BEGIN {printf "%.2f", a / b}')
  verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 1.5 ? "met" : "FAILED") }')
  echo "  voxdose serve, Storage:SyncMode $m: $mo inst/s; dcmtk storescp $md inst/s; ratio voxdose/dcmtk $ratio (target >= 1.5): $verdict"
  [ "$verdict" = met ] || { echo "FAILED: ingest ratio $ratio < 1.5 with Storage:SyncMode $m" >&2; failed=1; }
done
exit "$failed"
