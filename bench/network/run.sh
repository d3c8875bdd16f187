#!/usr/bin/env bash
# Network benchmark (not a test): DCMTK storescu sends N synthetic PET instances into
#   (a) our SCP  (voxdose store-scp)  and  (b) DCMTK storescp,
# both writing to the same disk, alternating for R rounds. Prints instances/s for each and the ratio.
# DCMTK leaves Nagle's algorithm on unless the environment variable TCP_NODELAY=1 is set; with Nagle on, each
# C-STORE waits for a delayed ACK (~40 ms) and DCMTK's storescp crawls at ~20 instances/s. That would be an unfair
# comparison, so TCP_NODELAY=1 is exported for storescu and storescp (set DCMTK_DEFAULT_NAGLE=1 to see the default).
# Usage: bench/network/run.sh [N=600] [ROUNDS=3] [MATRIX=192]
set -euo pipefail
if [ "${DCMTK_DEFAULT_NAGLE:-0}" != 1 ]; then export TCP_NODELAY=1; fi
cd "$(dirname "$0")/../.."
N=${1:-600}; ROUNDS=${2:-3}; SIZE=${3:-192}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/voxdose-netbench-XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "building voxdose (Release)..."
dotnet build src/StoreScp -c Release -o "$WORK/bin" -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
echo "generating $N PET instances (${SIZE}x${SIZE}, 16-bit, Explicit VR LE)..."
/usr/bin/python3 bench/network/make_pet.py "$WORK/data" "$N" "$SIZE"
du -sh "$WORK/data" | awk '{print "data: " $1}'

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 not listening" >&2; exit 1; }

OURS_PORT=$(free_port); DCMTK_PORT=$(free_port)
mkdir -p "$WORK/ours" "$WORK/dcmtk"
"$WORK/bin/voxdose" store-scp --bind 127.0.0.1 --port "$OURS_PORT" --aet OURS --out "$WORK/ours" >"$WORK/ours.log" 2>&1 & PIDS+=($!)
storescp -aet DCMTK -od "$WORK/dcmtk" "$DCMTK_PORT" >"$WORK/dcmtk.log" 2>&1 & PIDS+=($!)
wait_port "$OURS_PORT"; wait_port "$DCMTK_PORT"

# One warm-up send each (page cache, JIT), not counted.
storescu -aec OURS +sd 127.0.0.1 "$OURS_PORT" "$WORK/data" >/dev/null
storescu -aec DCMTK +sd 127.0.0.1 "$DCMTK_PORT" "$WORK/data" >/dev/null

run_one() { # name port outdir -> prints instances/s
  local name=$1 port=$2 out=$3
  find "$out" -maxdepth 1 -type f -delete
  sync
  local t0 t1
  t0=$(date +%s.%N)
  storescu -aec "$name" +sd 127.0.0.1 "$port" "$WORK/data" >/dev/null
  t1=$(date +%s.%N)
  local stored
  stored=$(find "$out" -maxdepth 1 -type f | wc -l)
  [ "$stored" -eq "$N" ] || { echo "$name stored $stored of $N" >&2; exit 1; }
  echo "$N $t0 $t1" | awk '{printf "%.1f", $1 / ($3 - $2)}'
}

ours_all=(); dcmtk_all=()
for r in $(seq 1 "$ROUNDS"); do
  o=$(run_one OURS "$OURS_PORT" "$WORK/ours"); d=$(run_one DCMTK "$DCMTK_PORT" "$WORK/dcmtk")
  ours_all+=("$o"); dcmtk_all+=("$d")
  echo "round $r: voxdose store-scp $o inst/s, dcmtk storescp $d inst/s"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ours_all[@]}"); md=$(median "${dcmtk_all[@]}")
echo "median over $ROUNDS rounds, $N instances of ${SIZE}x${SIZE}: voxdose $mo inst/s, dcmtk $md inst/s, ratio voxdose/dcmtk $(awk -v a="$mo" -v b="$md" 'BEGIN {printf "%.2f", a / b}')"
