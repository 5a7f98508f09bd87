#!/usr/bin/env bash
# One command that installs what is missing, builds native and wasm, and runs every test:
#   1. native debug build + GoogleTest (unit, conformance, golden, CLI contract)
#   2. the same suites under AddressSanitizer + UndefinedBehaviorSanitizer
#   3. lint of every form package in schemas/
#   4. wasm build, native-vs-wasm parity on every worked example (node), and tsc over the page's
#      modules that talk to the core (tsconfig.json, against www/js/types/boundary.d.ts)
#   5. the page in headless Chromium (Playwright, by role and label; axe-core)
#   6. a short libFuzzer smoke of every fuzz target
# .ci/run calls exactly this. SKIP_ASAN=1 skips step 2 for a quicker local loop.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
start=$(date +%s)
step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "setup"
bash scripts/setup.sh

step "native build"
cmake --preset native-debug >/dev/null
cmake --build --preset native-debug -j"$JOBS"

step "native tests"
ctest --preset native-debug -j"$JOBS"

if [ "${SKIP_ASAN:-0}" != 1 ]; then
  step "native tests under AddressSanitizer + UBSan"
  cmake --preset native-asan >/dev/null
  cmake --build --preset native-asan -j"$JOBS"
  ctest --preset native-asan -j"$JOBS"
fi

step "fuzz smoke (libFuzzer, ASan + UBSan, 15 s per target)"
bash scripts/fuzz.sh 15

step "lint form packages"
./build/native-debug/cli/greenapply lint

step "wasm build + site"
bash scripts/build-web.sh

step "the page's side of the wasm boundary (tsc, tsconfig.json)"
scripts/web/node_modules/.bin/tsc -p tsconfig.json

step "native vs wasm parity (node)"
node tests/parity/parity.mjs build/native-debug/cli/greenapply build/site
# The organiser's round: the mailbox ctest's organiser.round_cli left, read by the organiser's wasm.
node tests/organiser/parity.mjs build/site build/native-debug/round-fixture

if [ -f tests/e2e/package.json ]; then
  step "browser tests (headless Chromium)"
  (cd tests/e2e && npx playwright test)
fi

step "all tests passed in $(( $(date +%s) - start ))s"
