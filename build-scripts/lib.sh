# Shared by build-scripts/run, test and bench: install what is missing, then build.
# Sourced, not run. Every step says what it does; any failure stops the script.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

say() { printf '\n==> %s\n' "$*"; }

# Debian packages, installed only when missing (apt-get update once per script run).
apt_updated=
require_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Run this script as root, or install them: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  say "Installing ${missing[*]}"
  if [ -z "$apt_updated" ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

require_toolchain() {
  require_packages cmake make g++ emscripten doctest-dev libboost-dev
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then require_packages nodejs npm; fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "Node.js 20 or newer is needed (found $(node --version))." >&2
    exit 1
  fi
}

# npm packages of one folder, exactly as its package-lock.json says.
npm_install() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

JOBS=${JOBS:-2}

build_native() {
  say "Native build (core + doctest suite)"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
  cmake --build build/native -j"$JOBS"
}

build_wasm() {
  say "WASM build (core + embind layer -> web/lib/)"
  # Debian's em++ finds its acorn there; the machine's node does not look there by itself.
  export NODE_PATH=/usr/share/nodejs
  # The emulator override matters: emcmake would set node --experimental-wasm-threads,
  # which node 20 rejects.
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" >/dev/null
  cmake --build build/wasm -j"$JOBS"
}

# The debug flavour (Emscripten's assertions and runtime checks) into build/wasm-debug/lib:
# the node tests run against it too, in a tree of their own (tests/wasm-debug.mjs).
build_wasm_debug() {
  say "WASM build, debug flavour (assertions on) -> build/wasm-debug/lib/"
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S . -B build/wasm-debug -DCMAKE_BUILD_TYPE=Release -DCBM_WASM_DEBUG=ON \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" >/dev/null
  cmake --build build/wasm-debug -j"$JOBS"
  # A copy of web/ and the node tests whose glue is the debug one: the tests import it as they
  # import web/lib's, with no module-customization hooks (Node 20 runs those on a thread of
  # their own, and a process using them once never exited after its last test).
  local tree=build/wasm-debug/tree
  rm -rf "$tree"
  mkdir -p "$tree/build"
  tar -C "$ROOT" --exclude=node_modules --exclude=vendor -cf - web tests/node tests/golden | tar -C "$tree" -xf -
  cp build/wasm-debug/lib/cbmcalc_wasm.mjs build/wasm-debug/lib/cbmcalc_wasm.wasm "$tree/web/lib/"
  ln -s "$ROOT/build/native" "$tree/build/native"
  ln -s "$ROOT/tests/node_modules" "$tree/tests/node_modules" # the test tools (TypeScript's parser)
}

# Runs a test command with a time limit: a hang fails the run, naming the step, instead of
# holding it until CI's own limit. Usage: bounded SECONDS "what it is" command... (node --test
# also gets --test-timeout, the limit of each test file: a file that hangs fails with its name).
bounded() {
  local seconds=$1 what=$2 status=0
  shift 2
  timeout --kill-after=20 "$seconds" "$@" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "FAILED: $what did not finish within $seconds s (stopped)" >&2
  fi
  return "$status"
}

FUZZ_TARGETS="decimal calculators pool"

# clang with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer: the native suite runs
# checked from here, and the fuzz targets live here.
build_checked() {
  require_packages cmake make doctest-dev libboost-dev clang libclang-rt-14-dev
  say "Checked native build (clang, ASan + UBSan, libFuzzer targets)"
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCBM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build/fuzz -j"$JOBS"
}

build_web() {
  npm_install web
  say "Page vendor files -> web/vendor/"
  node build-scripts/vendor.mjs
  # After the WASM build and web/vendor/: the list hashes every file the page has.
  say "The page's file list for its service worker -> web/precache.json"
  node build-scripts/precache.mjs
  say "The page's production build (esbuild, minified, precompressed) -> build/web/"
  node build-scripts/production.mjs
}

build_all() {
  require_toolchain
  build_wasm
  build_web
}
