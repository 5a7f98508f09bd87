#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: greenapply native (Google Benchmark), greenapply wasm (node, and beside
# ajv in one Chromium page),
# ajv 8 (node) and Blaze (the prebuilt @sourcemeta/jsonschema CLI from npm, exhaustive and
# --fast), on ../shared/bench's form-like schema and 1000 generated instances, in one run; then
# the organiser's batch (the CLI) and page (organiser.wasm) on generated applications. Before and
# after a change: give batch-bench.mjs and organiser-round-bench.mjs both builds (BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
SHARED=${SHARED_DIR:-../shared}
bash scripts/setup.sh >/dev/null
(cd bench && [ -d node_modules/@sourcemeta/jsonschema ] || npm install --no-audit --no-fund --loglevel=error)
mkdir -p build/bench
node "$SHARED/bench/gen-instances.mjs" --out build/bench/instances.json
cmake --preset native-release >/dev/null
cmake --build --preset native-release -j"$JOBS" --target greenapply_bench greenapply | grep -E "error|warning" || true
[ -f build/site/greenapply.mjs ] || bash scripts/build-web.sh >/dev/null
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== greenapply native (Release, Google Benchmark)"
GREENAPPLY_BENCH_INSTANCES=$PWD/build/bench/instances.json \
  ./build/native-release/bench/greenapply_bench --benchmark_min_time=2 --benchmark_counters_tabular=true
echo "== greenapply wasm in node $(node --version)"
node bench/wasm-bench.mjs build/site "$SHARED/bench/form-like-schema.json" build/bench/instances.json
echo "== ajv $(node -p "require('./bench/node_modules/ajv/package.json').version") in node $(node --version)"
node bench/ajv-bench.mjs "$SHARED/bench/form-like-schema.json" build/bench/instances.json
echo "== Blaze: @sourcemeta/jsonschema $(node -p "require('./bench/node_modules/@sourcemeta/jsonschema/package.json').version") CLI, validate --benchmark (see bench/blaze-bench.mjs)"
node bench/blaze-bench.mjs "$SHARED/bench/form-like-schema.json" build/bench/instances.json 200
echo "== greenapply wasm beside ajv in one headless Chromium page (formats as annotations on both sides)"
node bench/browser-validator-bench.mjs build/site "$SHARED/bench/form-like-schema.json" build/bench/instances.json --rounds 7
echo "== the organiser's batch: greenapply batch on 10,000 generated applications, one and two threads"
node bench/batch-bench.mjs --n 10000 --rounds 3 'build/native-release/cli/greenapply#1,2'
echo "== the organiser's page: organiser.wasm checkRound on 1,000 generated applications, in node"
node bench/organiser-round-bench.mjs --n 1000 --rounds 5 build/site
