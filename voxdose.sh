#!/usr/bin/env bash
# Restores and builds VoxDose (Release, precompiled ReadyToRun), then runs it: ./voxdose.sh demo, ./voxdose.sh --help, ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/artifacts/voxdose"
"$here/tools/publish-voxdose.sh" "$out" || { echo "voxdose.sh: build failed" >&2; exit 1; }
exec dotnet "$out/voxdose.dll" "$@"
