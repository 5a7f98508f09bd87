#!/usr/bin/env bash
# Installs what greenapply needs on Debian 12 and skips what is already there.
# Sources: Debian's apt (packages and pugixml's source package) and the npm registry only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages ------------------------------------------------------------------------
PACKAGES=(g++ clang libclang-rt-14-dev cmake ninja-build pkg-config
          nlohmann-json3-dev libpugixml-dev libgtest-dev libbenchmark-dev
          emscripten nodejs chromium fonts-wqy-zenhei python3 ca-certificates
          libxml2-utils   # xmllint: tests/golden/xml_standard_tools.py validates exported XML
          libmimalloc-dev)  # the CLI's allocator (cli/CMakeLists.txt)
missing=()
for p in "${PACKAGES[@]}"; do
  # nodejs may come from outside Debian (nodesource) — any node >= 18 on PATH will do.
  if [ "$p" = nodejs ] && command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "Debian packages: all present"
fi
command -v npm >/dev/null || { log "npm missing: apt-get install npm"; as_root apt-get install -y -q npm; }

# --- pugixml source, for the wasm build (and the native one, so both use the same code) ------
# Debian ships no wasm pugixml; we fetch its Debian source package with a private sources list,
# so nothing under /etc changes (works without root too).
DEPS=$ROOT/.deps
if [ ! -f "$DEPS/pugixml/pugixml.cpp" ]; then
  log "fetching pugixml's Debian source package"
  mkdir -p "$DEPS/apt/lists/partial" "$DEPS/apt/archives/partial" "$DEPS/pugixml"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
    > "$DEPS/apt/sources.list"
  APTO=(-o Dir::Etc::sourcelist="$DEPS/apt/sources.list" -o Dir::Etc::sourceparts=-
        -o Dir::State::lists="$DEPS/apt/lists" -o Dir::Cache::archives="$DEPS/apt/archives"
        -o APT::Sandbox::User="$(id -un)")
  apt-get "${APTO[@]}" update -q >/dev/null
  (cd "$DEPS" && apt-get "${APTO[@]}" source --download-only pugixml >/dev/null &&
     tar xzf pugixml_*.orig.tar.gz --strip-components=2 -C pugixml --wildcards '*/src/*')
else
  log "pugixml source: present"
fi

# --- npm: browser tests (Playwright drives Debian's chromium; no browser download) -----------
if [ -f tests/e2e/package.json ]; then
  if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package.json -nt tests/e2e/node_modules ]; then
    log "npm install (tests/e2e)"
    if [ -f tests/e2e/package-lock.json ]; then
      (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    else
      (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
    fi
    touch tests/e2e/node_modules
  else
    log "npm packages: present"
  fi
fi
# The site-build tools (esbuild, the closure compiler's native binary, tsc), pinned by its lock file.
if [ ! -x scripts/web/node_modules/.bin/esbuild ] || [ ! -x scripts/web/node_modules/.bin/tsc ] \
   || [ scripts/web/package.json -nt scripts/web/node_modules ]; then
  log "npm ci (scripts/web)"
  (cd scripts/web && npm ci --no-audit --no-fund --loglevel=error)
  touch scripts/web/node_modules
else
  log "site-build tools: present"
fi
if [ -f bench/package.json ] && [ ! -d bench/node_modules ]; then
  log "npm install (bench)"
  (cd bench && npm install --no-audit --no-fund --loglevel=error)
fi
log "done"
