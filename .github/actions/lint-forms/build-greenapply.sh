#!/usr/bin/env bash
# Builds only the greenapply command (no tests, no wasm) from the source this action ships in.
# usage: build-greenapply.sh BUILD_DIR
set -euo pipefail
build=$1
src=$(cd "$(dirname "$0")/../../.." && pwd)
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
for p in g++ cmake ninja-build nlohmann-json3-dev libpugixml-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends "${need[@]}"
fi
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGREENAPPLY_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target greenapply -j "$(nproc)"
"$build/cli/greenapply" --version
