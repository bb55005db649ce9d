#!/usr/bin/env bash
# Rebuilds the example workbooks from the hand-written Examples/*.json (tables transcribed from the seeds):
#   Examples/NAME.xlsx                  — in the standard layout (the department filled our template)
#   Examples/regional/NAME.LAYOUT.xlsx  — in the region's own layout, as published
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
tool=.build/debug/goalbridge
for json in Examples/*.json; do
  layout=standard
  grep -q '"departmentIndicators"' "$json" && layout=department-standard
  # Tables with no national form are written in their region's layout only.
  grep -qE '"(departmentStrategic|departmentPerformance|projectList)"' "$json" && continue
  "$tool" export "$json" -o "${json%.json}.xlsx" --layout "$layout" >/dev/null
done
regional() { "$tool" export "Examples/$1.json" -o "Examples/regional/$1.$2.xlsx" --layout "$2" >/dev/null 2>&1; }
regional pingyin-2024-police-auxiliary pingyin-2024
regional xinhua-2023-finance-special-work xinhua-2023
regional yongqing-2021-contract-staff yongqing-2021-project
regional yongqing-2021-department yongqing-2021-department
regional liaocheng-2022-farmland liaocheng-2022-operating
regional liaocheng-2022-farmland-matching liaocheng-2022-specific
ls Examples/*.xlsx Examples/regional/*.xlsx
regional changqing-2022-no-illegal-building changqing-2022
regional liaocheng-2022-fire-strategic liaocheng-2022-strategic
regional liaocheng-2022-fire-performance liaocheng-2022-performance
regional pingyin-2024-project-list pingyin-2024-list
regional xinhua-2023-enterprise-relief xinhua-2023-alternative
