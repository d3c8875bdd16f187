#!/usr/bin/env bash
# Installs what the tests need (Debian packages, when missing) and runs every test of the solution.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Category!=Interop]
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use as independent references and real network peers.
PACKAGES=(dcmtk time dicom3tools orthanc plastimatch python3-pydicom python3-scipy poppler-utils libgdcm-tools postgresql fonts-dejavu-core r-base-core r-cran-survival chromium chromium-driver python3-prometheus-client openssl haproxy python3-yaml)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing missing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "test.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Orthanc's Debian package starts a system service; the tests start their own on loopback.
if command -v systemctl >/dev/null 2>&1; then systemctl stop orthanc >/dev/null 2>&1 || true; fi
pkill -x Orthanc >/dev/null 2>&1 || true

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test VoxDose.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line over all test projects: "tests: N passed, N failed, N skipped".
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         v = $(i+1); gsub(/[^0-9]/, "", v)
         if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
