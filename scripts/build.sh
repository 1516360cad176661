#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz from npm binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --offline "$@"
