#!/usr/bin/env bash
# Report writing timing (RT Dose, SR, fused slices, PDF, all five files) on a clinical PET grid.
set -euo pipefail
cd "$(dirname "$0")/ReportBench"
dotnet run -c Release
