#!/usr/bin/env bash
# Restores and builds VoxDose (Release), then runs it: ./voxdose.sh demo, ./voxdose.sh --help, ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/artifacts/voxdose"
if ! log=$(dotnet build "$here/src/StoreScp/StoreScp.csproj" -c Release -o "$out" -nologo 2>&1); then
  echo "$log" >&2
  echo "voxdose.sh: build failed" >&2
  exit 1
fi
exec dotnet "$out/voxdose.dll" "$@"
