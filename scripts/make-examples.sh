#!/usr/bin/env bash
# Rebuilds Examples/*.xlsx from the hand-written Examples/*.json (tables transcribed from the seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
for json in Examples/*.json; do
  layout=standard
  grep -q '"departmentIndicators"' "$json" && layout=department-standard
  .build/debug/goalbridge export "$json" -o "${json%.json}.xlsx" --layout "$layout"
done
