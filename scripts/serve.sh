#!/usr/bin/env bash
# One command for applicants' page: install what is missing, build the wasm core and the site,
# then serve it on 127.0.0.1 and print the URL. The page opens on the Bluetech company form.
# PORT=8080 bash scripts/serve.sh to choose the port.
#
# Live preview for package maintainers (issue #17):
#   bash scripts/serve.sh --watch [PACKAGE_DIR...]     (default: every package in schemas/)
# serves the packages live from where they are edited (scripts/preview-server.py): on every
# save the page opened with the printed address (?preview=1) loads the package again and shows
# `greenapply lint`'s problems at the top. The wasm core is built only when it is missing; the
# native CLI that lints likewise.
set -euo pipefail
WATCH=0
PACKAGES=()
for arg in "$@"; do
  case "$arg" in
    --watch) WATCH=1 ;;
    -*) echo "usage: bash scripts/serve.sh [--watch [PACKAGE_DIR...]]" >&2; exit 2 ;;
    *) [ "$WATCH" = 1 ] || { echo "serve.sh: a package folder is for --watch" >&2; exit 2; }
       [ -f "$arg/form.json" ] || { echo "serve.sh: $arg: not a form package folder (no form.json)" >&2; exit 2; }
       PACKAGES+=(--package "$(cd "$arg" && pwd)") ;;  # before the cd below: relative to where it was typed
  esac
done
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PORT=${PORT:-8080}

if [ "$WATCH" = 1 ]; then
  source scripts/env.sh
  if [ -f build/wasm-release/wasm/greenapply.wasm ]; then
    WASM_PREBUILT=1 bash scripts/build-web.sh   # the page's files as today; the core as built
  else
    bash scripts/build-web.sh
  fi
  if [ ! -x build/native-debug/cli/greenapply ]; then
    cmake --preset native-debug >/dev/null
    cmake --build --preset native-debug -j"$JOBS" --target greenapply
  fi
  echo
  echo "(Ctrl+C stops it; nothing leaves this machine)"
  exec python3 scripts/preview-server.py --port "$PORT" "${PACKAGES[@]}"
fi

bash scripts/build-web.sh
echo
echo "greenapply is being served at: http://127.0.0.1:${PORT}/"
echo "(Ctrl+C stops it; nothing leaves this machine)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory build/site
