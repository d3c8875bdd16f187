#!/usr/bin/env bash
# kill -9 the node during the ingest of a 200-instance Y-90 PET study, restart it, resend everything (as a modality
# would), then check: every instance acknowledged before the kill is in the spool, and the study was computed and
# exported exactly once (one computation row, one export per object, the destination got each object once).
# Usage: bench/node/kill9.sh [KILL_AT_INSTANCES=80]   (the node is killed once that many instances are spooled)
source "$(dirname "$0")/common.sh"
kill_at="${1:-80}"
work=$(mktemp -d /tmp/voxdose-kill9-XXXX)
root="$work/node"; dest="$work/pacs"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

build_voxdose
voxdose phantom --out "$work/phantom" --slices 200 >/dev/null
study=$(dcmdump +P StudyInstanceUID "$work/phantom/pet/PT0001.dcm" | sed 's/.*\[\(.*\)\].*/\1/')
node_port=$(free_port); dest_port=$(free_port)

voxdose_bg store-scp --port "$dest_port" --aet KILLPACS --out "$dest" --bind 127.0.0.1 >"$work/pacs.log" 2>&1
pids+=($!)
export VoxDose__Storage__Root="$root" VoxDose__Scp__Port="$node_port" VoxDose__Scp__BindAddress=127.0.0.1 VoxDose__Scp__AllowAnyCaller=true \
  VoxDose__Processing__SeriesQuietSeconds=5 VoxDose__Storage__MinFreeMegabytes=64 \
  VoxDose__Destinations__0__Name=pacs VoxDose__Destinations__0__AeTitle=KILLPACS \
  VoxDose__Destinations__0__Host=127.0.0.1 VoxDose__Destinations__0__Port="$dest_port" \
  VoxDose__Export__RetryDelaysSeconds__0=2

start_node() { voxdose_bg serve >>"$work/node.log" 2>&1; node_pid=$!; pids+=($node_pid); wait_port 127.0.0.1 "$node_port" 30; }
start_node
wait_port 127.0.0.1 "$dest_port" 30

files=( "$work"/phantom/rtstruct.dcm "$work"/phantom/pet/PT*.dcm )
[ -f "${files[0]}" ] || files=( "$work"/phantom/pet/PT*.dcm )
storescu -v -nh -aet MODALITY -aec VOXDOSE 127.0.0.1 "$node_port" "${files[@]}" >"$work/send1.log" 2>&1 &
send_pid=$!
deadline=$((SECONDS + 120))
until [ "$(find "$root/spool" -name '*.dcm' 2>/dev/null | wc -l)" -ge "$kill_at" ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "FAIL: fewer than $kill_at instances spooled after 120 s" >&2; exit 1; }
  sleep 0.01
done
kill -9 "$node_pid"; wait "$node_pid" 2>/dev/null || true
echo "node killed with -9 at $(find "$root/spool" -name '*.dcm' | wc -l) spooled instances"
wait "$send_pid" || true

# Instances acknowledged with Success before the kill, in the order storescu sent them.
mapfile -t acked < <(awk '/Sending Store Request/ {n++} /Received Store Response \(Success\)/ {print n}' "$work/send1.log")
echo "acknowledged before the kill: ${#acked[@]} instances"
missing=0
for i in "${acked[@]}"; do
  f="${files[$((i-1))]}"
  uid=$(dcmdump +P SOPInstanceUID "$f" | sed 's/.*\[\(.*\)\].*/\1/')
  if ! ls "$root"/spool/*/*/"$uid"/*.dcm >/dev/null 2>&1; then echo "MISSING from spool: $uid" >&2; missing=$((missing+1)); fi
done
[ "$missing" -eq 0 ] || { echo "FAIL: $missing acknowledged instances are not in the spool"; exit 1; }
echo "OK: every acknowledged instance is in the spool"

start_node
storescu -nh -aet MODALITY -aec VOXDOSE 127.0.0.1 "$node_port" "${files[@]}" >"$work/send2.log" 2>&1
wait_state "$root" "$study" Exported 300
BIN="$bin" STUDY="$study" /usr/bin/python3 - "$work" <<'PY'
import json, subprocess, sys, os, glob
work = sys.argv[1]
audit = json.loads(subprocess.check_output(["dotnet", os.environ["BIN"] + "/voxdose.dll", "audit", "show", os.environ["STUDY"], "--json"],
                                           env={**os.environ, "VoxDose__Storage__Root": work + "/node"}))
comps = audit["Computations"]; exports = audit["Exports"]
pet = [s for s in audit["Series"] if s["Role"] == "Y90Pet"]
print(f"instances in audit: {len(audit['Instances'])}, computations: {len(comps)}, exports: {len(exports)}, "
      f"destination files: {len(glob.glob(work + '/pacs/*.dcm'))}")
assert len(comps) == 1, "study computed more than once"
assert all(e["Status"] == "sent" for e in exports), exports
assert len(glob.glob(work + "/pacs/*.dcm")) == len(exports), "destination got a different number of objects"
assert pet and pet[0]["ReceivedInstances"] == 200, pet
print("OK: processed exactly once, every export delivered once")
PY
