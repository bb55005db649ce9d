#!/usr/bin/env bash
# Fuzzes the reader (and the import and review of what it reads) with libFuzzer for a bounded time, in two targets:
#   1. "read these bytes" (XLSXReader + import): whole files, seeded with every .xlsx fixture and example;
#   2. GOALBRIDGE_FUZZ_MODE=parts: one XML part of an otherwise valid package, zipped with correct CRCs by the
#      harness (Fuzz/goalbridge-fuzz/PartFuzzer.swift), so mutations reach the XML parsers instead of failing the
#      zip checksum.
#   bash scripts/fuzz.sh [SECONDS] [files|parts|both]     (default 300 seconds, both: half each)
# Findings land in out/fuzz/ (crash-*, leak-*, timeout-*); replay one with
# `swift run goalbridge-fuzz out/fuzz/crash-…` (prefix GOALBRIDGE_FUZZ_MODE=parts for the second target).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
mode="${2:-both}"
scratch=.build-fuzz
swift build --scratch-path "$scratch" --product goalbridge-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
mkdir -p out/fuzz
run() { # corpus seconds
  "$scratch"/debug/goalbridge-fuzz "$1" -max_total_time="$2" -max_len=200000 -rss_limit_mb=2048 \
    -timeout=10 -artifact_prefix=out/fuzz/ -print_final_stats=1 2>&1 | tee -a out/fuzz/last-run.log | grep -E "^#|stat::|ERROR|SUMMARY|Done" | tail -12
}
: > out/fuzz/last-run.log
if [ "$mode" = both ]; then each=$((seconds / 2)); else each=$seconds; fi
if [ "$mode" != parts ]; then
  corpus=out/fuzz/corpus
  mkdir -p "$corpus"
  cp Tests/SpreadsheetTests/Fixtures/*.xlsx Tests/BridgeTests/Fixtures/*.xlsx Tests/BridgeTests/Fixtures/foreign/*.xlsx \
     Examples/*.xlsx Templates/*.xlsx "$corpus"/ 2>/dev/null || true
  echo "== files: $each s"; run "$corpus" "$each"
fi
if [ "$mode" != files ]; then
  corpus=out/fuzz/parts-corpus
  mkdir -p "$corpus"
  swift build -q --product goalbridge-fuzz && .build/debug/goalbridge-fuzz --write-part-seeds "$corpus" > /dev/null
  echo "== parts: $each s"; GOALBRIDGE_FUZZ_MODE=parts run "$corpus" "$each"
fi
