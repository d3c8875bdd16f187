#!/usr/bin/env bash
# Node benchmark: a 200 x 200 x 111 Y-90 PET phantom (+ RTSTRUCT) is uploaded to a throw-away Orthanc, Orthanc sends
# the study to `voxdose serve`, VoxDose computes and sends RT Dose, SR and PDF back to Orthanc.
# Measured from the audit database: from the last PET instance received to the last result acknowledged by Orthanc,
# minus the quiet period when the series was completed by it (a PET carrying Number of Slices completes at its last
# instance, so nothing is subtracted then). Target: median under 2 s over 5 runs on 2 cores; exits 1 when missed.
# Usage: bench/node/run.sh [RUNS=5] [extra VoxDose__... settings as NAME=VALUE]
source "$(dirname "$0")/common.sh"
runs="${1:-5}"; shift || true
for kv in "$@"; do export "$kv"; done
work=$(mktemp -d /tmp/voxdose-bench-XXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

build_voxdose
echo "cores: $(nproc); work folder: $work"
for r in $(seq 1 "$runs"); do voxdose phantom --out "$work/phantom$r" --slices 111 --seed $((90 + r)) >/dev/null; done

node_port=$(free_port); http_port=$(free_port); orthanc_port=$(free_port)
cat >"$work/orthanc.json" <<JSON
{ "Name": "VoxDoseBench", "StorageDirectory": "$work/orthanc/storage", "IndexDirectory": "$work/orthanc/index",
  "HttpPort": $http_port, "DicomPort": $orthanc_port, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "HttpBindAddress": "127.0.0.1", "DicomBindAddress": "127.0.0.1", "Plugins": [],
  "DicomModalities": { "voxdose": [ "VOXDOSE", "127.0.0.1", $node_port ] } }
JSON
( exec Orthanc "$work/orthanc.json" ) >"$work/orthanc.log" 2>&1 &
pids+=($!)
wait_port 127.0.0.1 "$http_port" 60

quiet="${VoxDose__Processing__SeriesQuietSeconds:-5}"
export VoxDose__Storage__Root="$work/node" VoxDose__Scp__Port="$node_port" VoxDose__Scp__BindAddress=127.0.0.1 VoxDose__Scp__AllowAnyCaller=true \
  VoxDose__Processing__SeriesQuietSeconds="$quiet" VoxDose__Storage__MinFreeMegabytes=64 \
  VoxDose__Destinations__0__Name=orthanc VoxDose__Destinations__0__AeTitle=ORTHANC \
  VoxDose__Destinations__0__Host=127.0.0.1 VoxDose__Destinations__0__Port="$orthanc_port" \
  Logging__LogLevel__Default=Warning
voxdose_bg serve >"$work/node.log" 2>&1
pids+=($!)
wait_port 127.0.0.1 "$node_port" 60

BENCH_WORK="$work" HTTP_PORT="$http_port" RUNS="$runs" QUIET="$quiet" BIN="$bin" /usr/bin/python3 - <<'PY'
import glob, json, os, subprocess, time, urllib.request, datetime, statistics
work, http, runs, quiet = os.environ["BENCH_WORK"], int(os.environ["HTTP_PORT"]), int(os.environ["RUNS"]), float(os.environ["QUIET"])
base = f"http://127.0.0.1:{http}"
def rest(method, path, data=None):
    req = urllib.request.Request(base + path, data=data, method=method)
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null")
def audit(study_uid):
    out = subprocess.check_output(["dotnet", os.environ["BIN"] + "/voxdose.dll", "audit", "show", study_uid, "--json"], stderr=subprocess.DEVNULL)
    return json.loads(out)
def t(s): return datetime.datetime.fromisoformat(s)
latencies = []
for run in range(1, runs + 1):
    files = [f"{work}/phantom{run}/rtstruct.dcm"] + sorted(glob.glob(f"{work}/phantom{run}/pet/*.dcm"))
    for f in files:
        study_id = rest("POST", "/instances", open(f, "rb").read())["ParentStudy"]
    study_uid = rest("GET", f"/studies/{study_id}")["MainDicomTags"]["StudyInstanceUID"]
    start = time.time()
    rest("POST", "/modalities/voxdose/store", json.dumps({"Resources": [study_id], "Synchronous": True}).encode())
    while True:
        try:
            a = audit(study_uid)
            if a["Study"]["State"] in ("Exported", "Failed"): break
        except subprocess.CalledProcessError:
            pass
        if time.time() - start > 600: raise SystemExit("timeout waiting for the results")
        time.sleep(0.2)
    if a["Study"]["State"] != "Exported": raise SystemExit(f"study failed: {a['Study']['Error']}")
    rev = a["Study"]["Revision"]
    comp = [c for c in a["Computations"] if c["Revision"] == rev][0]
    exports = [e for e in a["Exports"] if e["ComputationId"] == comp["Id"]]
    pet = [s for s in a["Series"] if s["Role"] == "Y90Pet"][0]
    last_pet = max(t(i["ReceivedAt"]) for i in a["Instances"] if i["SeriesUid"] == pet["SeriesUid"])
    done = max(t(e["LastAttemptAt"]) for e in exports)
    by_count = bool(pet["ExpectedInstances"]) and pet["ReceivedInstances"] >= pet["ExpectedInstances"]
    subtract = 0.0 if by_count else quiet
    latency = (done - last_pet).total_seconds() - subtract
    compute = (t(comp["FinishedAt"]) - t(comp["StartedAt"])).total_seconds()
    latencies.append(latency)
    in_orthanc = sorted({s["MainDicomTags"].get("Modality", "") for s in rest("GET", f"/studies/{study_id}/series")})
    print(f"run {run}: {len(files)} instances via Orthanc, revision {rev}, {len(exports)} results acknowledged by Orthanc "
          f"(study there now has {in_orthanc}); last PET instance -> results acknowledged {latency:.2f} s "
          f"(dose + metrics {compute:.2f} s; series completed {'by Number of Slices' if by_count else 'by the quiet period'}, {subtract:.0f} s subtracted)")
median = statistics.median(latencies)
print(f"median {median:.2f} s over {runs} runs against the target 2 s: ratio {median / 2.0:.2f} (target < 1; "
      f"{os.cpu_count()} cores, shared; load average {os.getloadavg()[0]:.1f}): {'met' if median < 2.0 else 'FAILED'}")
if median >= 2.0: raise SystemExit(f"FAILED: node latency median {median:.2f} s >= 2 s")
PY
