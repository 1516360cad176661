#!/usr/bin/env bash
# Installs what Gazette's build and tests need, skipping what is there.
# Versions: scripts/versions.env (tools), package.json (npm), Cargo.lock.
# Facts behind each step: the README's set-up notes (from ../shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.env

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# std's sources: the release .wasm builds its own std (scripts/build.sh).
if ! rustup component list --installed | grep -qx rust-src; then
  say "adding the rust-src component"
  rustup component add rust-src
fi
# The crates std is built from, for that build, which runs offline (a
# no-op once they are in cargo's cache).
RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 4 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the crate's own lock file no longer resolves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
# PostgreSQL for the server's second backend: tests start a throwaway cluster.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# nginx for the static deployment the read side's tests run on.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

if [ ! -x node_modules/.bin/playwright ] || [ ! -x node_modules/.bin/wasm-opt ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages"
  npm ci --no-audit --no-fund
fi

# Debian's wasm-opt (binaryen 108) breaks the release build silently: refuse it.
export PATH="$PWD/node_modules/.bin:$PATH"
if ! wasm-opt --version | grep -q "version $WASM_OPT_VERSION"; then
  echo "wasm-opt on PATH is not version $WASM_OPT_VERSION: $(command -v wasm-opt)" >&2
  exit 1
fi
say "set-up complete"
