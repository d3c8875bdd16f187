#!/usr/bin/env bash
# The longer fuzz campaign of issue 11 against the real `voxdose serve` (the suite's bounded version is
# tests/StoreScp.Tests/Node/FuzzTests.cs; both run tests/Shared/FuzzCampaign.cs, seeded):
#   COUNT mutated A-ASSOCIATE-RQ PDUs, COUNT mutated P-DATA (each after a valid association), COUNT mutated C-STOREs
#   (Part 10 files sent by our SCU), and COUNT mutated files through `voxdose dump` (and `dump --json` for every 2nd).
# Prints the count of each outcome, crashes (must be 0: the node died or logged an unhandled exception, or dump exited
# other than 0/1 or printed a stack trace), hangs (0: no answer and no close within 15 s, or dump over 30 s), the
# node's peak RSS (VmHWM) and acknowledged-lost (0: an instance answered 0000 missing from the spool or changed).
# Exit 1 if crashes, hangs or acknowledged-lost are not 0.
# Usage: bench/fuzz/run.sh [COUNT=10000] [PARALLEL=4]
source "$(dirname "$0")/../node/common.sh"
count="${1:-10000}"; parallel="${2:-4}"
work=$(mktemp -d /tmp/voxdose-fuzz-XXXX)
root="$work/node"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
build_voxdose
dotnet build "$repo/bench/fuzz/FuzzBench.csproj" -c Release -nologo -v q -o "$work/fuzzbench" >/dev/null
fuzz() { dotnet "$work/fuzzbench/FuzzBench.dll" "$@"; }
voxdose phantom --out "$work/seeds" --slices 8 --seed 7 >/dev/null

node_port=$(free_port)
# Nothing is computed during the campaign (series never go quiet) and one peer sends everything (no rate limit).
export VoxDose__Storage__Root="$root" VoxDose__Scp__Port="$node_port" VoxDose__Scp__BindAddress=127.0.0.1 \
  VoxDose__Processing__SeriesQuietSeconds=86400 VoxDose__Storage__MinFreeMegabytes=64 VoxDose__Scp__AllowAnyCaller=true \
  VoxDose__Scp__MaxAssociationRequestsPerPeerPerMinute=0 VoxDose__Scp__MaxAssociations=64 VoxDose__Scp__MaxAssociationsPerPeer=64 \
  VoxDose__Web__Enabled=false Logging__LogLevel__Default=Warning
voxdose_bg serve >>"$work/node.log" 2>&1; node_pid=$!; pids+=($node_pid)
wait_port 127.0.0.1 "$node_port" 60
start=$(date +%s)

echo "== network: $count of each kind, $parallel at a time"
network_status=0
fuzz network 127.0.0.1 "$node_port" "$work/seeds" "$count" "$root/spool" "$work/c-store" "$parallel" | tee "$work/network.txt" || network_status=$?
echo "load after the network part: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== files: $count mutated files through voxdose dump"
fuzz files "$work/seeds" "$count" "$work/files" >/dev/null
dump_one() { # FILE -> one outcome word
  local args=(dump "$1"); [ $(( 10#$(basename "$1" .dcm) % 2 )) -eq 0 ] && args=(dump --json "$1")
  local err; err=$(timeout 30 dotnet "$bin/voxdose.dll" "${args[@]}" 2>&1 >/dev/null); local rc=$?
  if [ $rc -eq 124 ]; then echo hang
  elif grep -q "Unhandled exception\|   at VoxDose\|   at System" <<<"$err"; then echo "crash(stack trace)"
  elif [ $rc -eq 0 ]; then echo "read (exit 0)"
  elif [ $rc -eq 1 ] && [ -n "$err" ]; then echo "refused (exit 1, message)"
  else echo "crash(exit $rc)"; fi
}
export -f dump_one; export bin
ls "$work/files"/*.dcm | xargs -P 2 -I{} bash -c 'dump_one {}' > "$work/dump.txt"
sort "$work/dump.txt" | uniq -c | sed 's/^/  dump: /'
echo "load after the files: $(cut -d' ' -f1-3 /proc/loadavg)"

alive=yes; kill -0 "$node_pid" 2>/dev/null || alive=no
peak_rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$node_pid/status" 2>/dev/null || echo "?")
node_crashes=$(grep -c "Unhandled exception" "$work/node.log" || true)
[ "$alive" = yes ] || node_crashes=$((node_crashes + 1))
dump_crashes=$(grep -c "^crash" "$work/dump.txt" || true)
dump_hangs=$(grep -c "^hang" "$work/dump.txt" || true)
net_hangs=$(sed -n 's/.*hangs=\([0-9]*\).*/\1/p' "$work/network.txt"); net_hangs=${net_hangs:-?}
lost=$(sed -n 's/.*acknowledged_lost=\([0-9]*\).*/\1/p' "$work/network.txt"); lost=${lost:-?}
errors=$(grep -c "fail:\|crit:" "$work/node.log" || true)
echo "== summary ($(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "node alive: $alive; node error/critical log lines: $errors; node peak RSS: ${peak_rss} MB"
echo "crashes: $((node_crashes + dump_crashes)) (node $node_crashes, dump $dump_crashes)"
echo "hangs: network $net_hangs, dump $dump_hangs"
echo "acknowledged-lost: $lost"
[ "$node_crashes" = 0 ] && [ "$dump_crashes" = 0 ] && [ "$net_hangs" = 0 ] && [ "$dump_hangs" = 0 ] && [ "$lost" = 0 ] && [ "$network_status" = 0 ]
