#!/usr/bin/env bash
# Runs every test of Gazette, installing what is missing first:
#   native tests (model, server), component tests in headless Chromium,
#   the release build, the end-to-end suite and the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "native tests (cargo test --workspace)"
cargo test --workspace --locked

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p gazette --features csr --target wasm32-unknown-unknown --locked

step "release build (trunk, wasm-opt $WASM_OPT_VERSION)"
scripts/build.sh

step "end-to-end tests (Playwright, desktop and phone)"
# The reply tests start the reference server themselves, with a fresh
# database each; the debug binary built by the native tests is enough.
GAZETTE_SERVER="$PWD/target/debug/gazette-server" npx playwright test

step "size budget"
node bench/sizes.mjs --check
