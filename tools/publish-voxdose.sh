#!/usr/bin/env bash
# Builds voxdose into OUT, precompiled (ReadyToRun through Crossgen2, framework-dependent, for this machine's
# runtime identifier): start-up and first calls skip most JIT compilation. Falls back to a plain Release build when
# the ReadyToRun publish cannot run (e.g. the Crossgen2 package cannot be restored), saying so on stderr.
# Usage: tools/publish-voxdose.sh OUT
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: tools/publish-voxdose.sh OUT}"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid="" ;;
esac
if [ -n "$rid" ] && [ "${VOXDOSE_NO_READYTORUN:-0}" != 1 ]; then
  if log=$(dotnet publish "$repo/src/StoreScp/StoreScp.csproj" -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$out" -nologo 2>&1); then
    exit 0
  fi
  echo "publish-voxdose: ReadyToRun publish failed, building without it:" >&2
  echo "$log" | grep -E "error" | head -5 >&2 || true
fi
if ! log=$(dotnet build "$repo/src/StoreScp/StoreScp.csproj" -c Release -o "$out" -nologo 2>&1); then
  echo "$log" >&2
  echo "publish-voxdose: build failed" >&2
  exit 1
fi
