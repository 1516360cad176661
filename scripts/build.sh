#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz from npm binaryen), then
# prerenders the read pages from public/api (crates/prerender): dist/shell.html
# is the app's page for any other path.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --cargo-profile wasm-release --offline "$@"
cargo run --quiet --locked -p gazette-prerender -- dist public/api
