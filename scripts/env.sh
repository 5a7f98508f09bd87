# Sourced by the build scripts. Debian's emscripten needs Debian's acorn for its JS optimiser;
# its cache is prebuilt and frozen, so EM_CACHE must never be set.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
unset EM_CACHE
JOBS=${JOBS:-$(nproc)}
