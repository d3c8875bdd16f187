# Shared helpers for the node scripts (sourced). Builds voxdose (ReadyToRun) into artifacts/bench, unless VOXDOSE_BIN names
# a folder that already holds a built voxdose.dll (the interop test that runs kill9.sh passes its own output folder).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${VOXDOSE_BIN:-$repo/artifacts/bench}"
voxdose() { dotnet "$bin/voxdose.dll" "$@"; }
# Starts voxdose in the background as the process itself (so $! is dotnet's PID, for kill -9).
voxdose_bg() { ( exec dotnet "$bin/voxdose.dll" "$@" ) & }

build_voxdose() {
  if [ -n "${VOXDOSE_BIN:-}" ]; then [ -f "$bin/voxdose.dll" ] || { echo "no voxdose.dll in VOXDOSE_BIN=$bin" >&2; exit 1; }; return 0; fi
  "$repo/tools/publish-voxdose.sh" "$bin" >/dev/null || { echo "build failed" >&2; exit 1; }
}

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_port() { # host port seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do
    (exec 3<>/dev/tcp/$1/$2) 2>/dev/null && { exec 3>&- 3<&-; return 0; }
    sleep 0.1
  done
  echo "nothing listening on $1:$2 after $3 s" >&2; return 1
}

# study_json ROOT STUDY_UID: the audit of one study as JSON
study_json() { VoxDose__Storage__Root="$1" voxdose audit show "$2" --json; }

# study_state ROOT STUDY_UID
study_state() {
  study_json "$1" "$2" 2>/dev/null | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["Study"]["State"])' 2>/dev/null || echo none
}

wait_state() { # root study state seconds
  for _ in $(seq 1 $(( $4 * 5 ))); do
    s=$(study_state "$1" "$2")
    [ "$s" = "$3" ] && return 0
    case "$s" in Failed) [ "$3" != "Failed" ] && { echo "study failed" >&2; study_json "$1" "$2" | head -40 >&2; return 1; } ;; esac
    sleep 0.2
  done
  echo "study $2 not $3 after $4 s (state $(study_state "$1" "$2"))" >&2; return 1
}
