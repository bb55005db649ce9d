#!/usr/bin/env bash
# Re-saves a few corpus workbooks with LibreOffice and gnumeric (as departments' files arrive after passing through
# them) and commits them beside their expected JSON as NAME-libreoffice.xlsx / NAME-gnumeric.xlsx.
# Needs soffice and ssconvert (Debian: libreoffice-calc gnumeric); CI does not run it — the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=Tests/BridgeTests/Fixtures/corpus
names="changqing-stacked-01 pingyin-stacked-02 pingyin-01-single yongqing-stacked-03 xinhua-stacked-01 xinhua-sheets"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lo" "$work/gn"
for n in $names; do cp "$corpus/$n.xlsx" "$work/$n.xlsx"; done
(cd "$work" && for n in $names; do soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir lo "$n.xlsx" >/dev/null; done)
for n in $names; do
  ssconvert --export-type=Gnumeric_Excel:xlsx2 "$work/$n.xlsx" "$work/gn/$n.xlsx" >/dev/null 2>&1
  cp "$work/lo/$n.xlsx" "$corpus/$n-libreoffice.xlsx"; cp "$corpus/$n.json" "$corpus/$n-libreoffice.json"
  cp "$work/gn/$n.xlsx" "$corpus/$n-gnumeric.xlsx"; cp "$corpus/$n.json" "$corpus/$n-gnumeric.json"
done
echo "re-saved: $names"

# The national and system forms (scripts/corpus/foreign.py), re-saved by LibreOffice and gnumeric into
# Fixtures/foreign/libreoffice and /gnumeric (their expected documents are the originals').
foreign=Tests/BridgeTests/Fixtures/foreign
mkdir -p "$work/flo" "$foreign/libreoffice"
for n in national-declaration department-declaration provincial-declaration system-export system-flat \
         pingyin-column-numbers pingyin-hidden-rows xinhua-merged-basis xinhua-date-cells-openpyxl pingyin-currency-amounts \
         pingyin-percent-targets pingyin-covered-cells side-by-side xinhua-row-numbers liaocheng-merged-satisfaction \
         pingyin-label-instructions title-notes system-flat-retyped pingyin-blank-copy-signed system-flat-printed \
         liaocheng-merged-satisfaction-wider system-export-labels-typed pingyin-contents pingyin-pictures-in-cells \
         pingyin-note-under-table pingyin-unit-column system-flat-unit-column \
         pingyin-struck-through; do
  cp "$foreign/$n.xlsx" "$work/$n.xlsx"
  (cd "$work" && soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir flo "$n.xlsx" >/dev/null)
  cp "$work/flo/$n.xlsx" "$foreign/libreoffice/$n.xlsx"
  mkdir -p "$foreign/gnumeric"
  ssconvert --export-type=Gnumeric_Excel:xlsx2 "$foreign/$n.xlsx" "$foreign/gnumeric/$n.xlsx" >/dev/null 2>&1
done
echo "re-saved the national and system forms"
