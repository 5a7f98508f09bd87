#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 30)
# from seed corpora made of the project's own test data (scripts/fuzz-seeds.py: the packages,
# the JSON Schema Test Suite, and tests/regressions/, the minimised inputs of past findings)
# with one dictionary per target. Crashes land in build/fuzz/crashes/.
#   bash scripts/fuzz.sh 600        # a longer run
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
JSTS=${JSTS_DIR:-../shared/jsts}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" >/dev/null
OUT=build/fuzz
mkdir -p "$OUT/crashes"
python3 scripts/fuzz-seeds.py "$OUT/corpus" "$JSTS"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
for target in fuzz_json_schema fuzz_expression fuzz_regex fuzz_xml fuzz_form fuzz_match fuzz_mail fuzz_json_text; do
  echo "== $target (${SECONDS_EACH}s)"
  "$OUT/tests/fuzz/$target" "$OUT/corpus/$target" -max_total_time="$SECONDS_EACH" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -dict="$OUT/corpus/$target.dict" -artifact_prefix="$OUT/crashes/$target-" -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|INFO: Loaded|==[0-9]+==ERROR|SUMMARY)" || true
done
if ls "$OUT/crashes"/* >/dev/null 2>&1; then
  echo "fuzz: crashes found in $OUT/crashes"; exit 1
fi
echo "fuzz: no crash"
