#!/usr/bin/env bash
# Fuzzes "read these bytes" (XLSXReader + import) with libFuzzer for a bounded time.
#   bash scripts/fuzz.sh [SECONDS]     (default 300)
# Seeds: every .xlsx fixture and example. Findings land in out/fuzz/ (crash-*, leak-*, timeout-*);
# replay one with `swift run goalbridge-fuzz out/fuzz/crash-…`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
scratch=.build-fuzz
swift build --scratch-path "$scratch" --product goalbridge-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
corpus=out/fuzz/corpus
mkdir -p "$corpus" out/fuzz
cp Tests/SpreadsheetTests/Fixtures/*.xlsx Tests/BridgeTests/Fixtures/*.xlsx Examples/*.xlsx Templates/*.xlsx "$corpus"/ 2>/dev/null || true
"$scratch"/debug/goalbridge-fuzz "$corpus" -max_total_time="$seconds" -max_len=200000 -rss_limit_mb=2048 \
  -timeout=10 -artifact_prefix=out/fuzz/ -print_final_stats=1 2>&1 | tee out/fuzz/last-run.log | grep -E "^#|stat::|ERROR|SUMMARY|Done" | tail -25
