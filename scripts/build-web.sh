#!/usr/bin/env bash
# Builds the wasm core and assembles the static site in build/site:
#   www/* + greenapply.mjs/.wasm + schemas/ (+ schemas/index.json listing the packages)
# and the offline single-file variant in build/site-offline (classic script, file:// works).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release -j"$JOBS"

SITE=build/site
rm -rf "$SITE"
mkdir -p "$SITE"
cp -r www/. "$SITE/"
cp build/wasm-release/wasm/greenapply.mjs build/wasm-release/wasm/greenapply.wasm "$SITE/"
mkdir -p "$SITE/schemas"
cp -r schemas/. "$SITE/schemas/"
rm -f "$SITE/schemas/README.md"
node scripts/package-index.mjs schemas "$SITE/schemas"
echo "site: $SITE"
