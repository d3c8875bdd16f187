#!/usr/bin/env bash
# ROI rasterisation and metrics timing on a liver-sized ROI and a clinical PET grid.
set -euo pipefail
cd "$(dirname "$0")/RoiBench"
dotnet run -c Release
