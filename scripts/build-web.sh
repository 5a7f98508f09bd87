#!/usr/bin/env bash
# Builds the wasm core and assembles the static site in $SITE (default build/site):
#   www/* + greenapply.mjs/.wasm + schemas/ (+ schemas/index.json listing the packages),
#   then scripts/site-build.mjs makes it what is served: minified JSON, the page's JS as one
#   module, preloads for a cold load, and greenapply-offline.html, the single file that works
#   opened from disk with no network.
# Other folders, leaving build/site and build/wasm-release alone (benchmarks, parallel work):
#   WASM_PRESET=wasm-perf SITE=build/site-perf bash scripts/build-web.sh
#   WASM_PREBUILT=1 SITE=build/site-mine bash scripts/build-web.sh   (page changes only)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

SITE=${SITE:-build/site}
WASM_PRESET=${WASM_PRESET:-wasm-release}
WASM_DIR=${WASM_DIR:-build/$WASM_PRESET}   # every preset's binaryDir is build/<preset name>

# The site-build tools (esbuild; the closure compiler for the wasm link; tsc, which checks the
# page's side of the wasm boundary in scripts/test.sh), pinned by scripts/web/package-lock.json.
if [ ! -x scripts/web/node_modules/.bin/esbuild ] || [ ! -x scripts/web/node_modules/.bin/google-closure-compiler ] \
   || [ ! -x scripts/web/node_modules/.bin/tsc ]; then
  (cd scripts/web && npm ci --no-audit --no-fund --loglevel=error)
fi

# WASM_PREBUILT=1: page-only work, the core already built in $WASM_DIR (no cmake run at all, so
# several site folders can be assembled from one wasm build at the same time).
if [ "${WASM_PREBUILT:-0}" != 1 ]; then
  cmake --preset "$WASM_PRESET" >/dev/null
  cmake --build --preset "$WASM_PRESET" -j"$JOBS"
fi

rm -rf "$SITE"
mkdir -p "$SITE"
cp -r www/. "$SITE/"
rm -rf "$SITE/js/types"   # declarations for tsc (tsconfig.json), nothing the page loads
cp "$WASM_DIR/wasm/greenapply.mjs" "$WASM_DIR/wasm/greenapply.wasm" "$SITE/"
# The full core (the writers and the matcher): need forms run on it, other forms fetch it for a file.
cp "$WASM_DIR/wasm/greenapply-full.mjs" "$WASM_DIR/wasm/greenapply-full.wasm" "$SITE/"
# The organiser's page has a wasm build of its own (wasm/organiser_bindings.cpp).
cp "$WASM_DIR/wasm/organiser.mjs" "$WASM_DIR/wasm/organiser.wasm" "$WASM_DIR/wasm/organiser-offline.js" "$SITE/"
mkdir -p "$SITE/schemas"
cp -r schemas/. "$SITE/schemas/"
rm -f "$SITE/schemas/README.md"
node scripts/package-index.mjs schemas "$SITE/schemas"
node scripts/site-build.mjs "$SITE" --offline-glue "$WASM_DIR/wasm/greenapply-offline.js"
echo "site: $SITE"
