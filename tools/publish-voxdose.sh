#!/usr/bin/env bash
# Builds voxdose into OUT, precompiled (ReadyToRun through Crossgen2, framework-dependent, for this machine's
# runtime identifier): start-up and first calls skip most JIT compilation. Falls back to a plain Release build when
# the ReadyToRun publish cannot run (e.g. the Crossgen2 package cannot be restored), saying so on stderr.
# Usage: tools/publish-voxdose.sh OUT
set -euo pipefail
# Crossgen2's cross-module generic compilation: the framework's generic code instantiated over our types and value types
# (List<Vec3>, Dictionary<int, T>, LINQ over structs...) is precompiled into our images too, instead of being left to
# the JIT at run time (the framework is outside each image's version bubble). The runtime checks at load that the
# framework's IL behind each such method is the IL it was compiled from, and compiles it itself otherwise (e.g. after
# a framework update), so this is safe. `voxdose dose`: 1 461 -> 820 methods compiled at run time (docs/performance.md).
r2r_args="--opt-cross-module:*%3B--non-local-generics-module:*"
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: tools/publish-voxdose.sh OUT}"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid="" ;;
esac
if [ -n "$rid" ] && [ "${VOXDOSE_NO_READYTORUN:-0}" != 1 ]; then
  if log=$(dotnet publish "$repo/src/StoreScp/StoreScp.csproj" -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true "-p:PublishReadyToRunCrossgen2ExtraArgs=$r2r_args" -o "$out" -nologo 2>&1); then
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
