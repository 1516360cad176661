#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz from npm binaryen), then
# the moderation desk's own bundle into dist/desk/ (the same app with the
# `desk` feature, from a copy of index.html; readers never download it),
# then prerenders the read pages from public/api (crates/prerender):
# dist/shell.html is the app's page for any other path; 404.html, the
# sitemaps, robots.txt, the Atom feeds, _headers and _redirects beside them.
# Absolute URLs (canonical links, Open Graph, feeds, sitemaps) are on
# site.json's canonical_origin, else on GAZETTE_ORIGIN (default: the address
# scripts/run.sh serves on).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The .wasm is built with its own std, compiled for size, and a panic
# aborts at once instead of formatting a message (about -6% brotli, see
# docs/BENCHMARKS.md "First-load sizes"). Both are unstable cargo and rustc
# features: RUSTC_BOOTSTRAP lets the pinned stable toolchain use them, for
# the two wasm builds only (native crates keep their stable fingerprints).
# std's sources come from the rust-src component (scripts/setup.sh). The
# stack size repeats .cargo/config.toml's, which this variable replaces.
wasm_build() {
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Clink-arg=-zstack-size=262144" \
    trunk build --release --cargo-profile wasm-release --offline "$@"
}
wasm_build "$@"
# The desk's page: index.html with the `desk` feature and without the
# content folders (they are in dist/ already). Trunk resolves its links
# from the page's folder, so the copy sits beside index.html.
desk_page=desk.html
trap 'rm -f "$desk_page"' EXIT
sed -e 's/data-cargo-features="csr"/data-cargo-features="csr,desk"/' \
    -e '/rel="copy-dir"/d' index.html > "$desk_page"
grep -q 'data-cargo-features="csr,desk"' "$desk_page" || { echo "build.sh: index.html has no csr feature link to extend" >&2; exit 1; }
wasm_build --dist dist/desk --public-url /desk/ "$@" "$desk_page"
if [ -f dist/desk/desk.html ]; then mv dist/desk/desk.html dist/desk/index.html; fi
cargo run --quiet --locked -p gazette-prerender -- dist public/api "${GAZETTE_ORIGIN:-http://127.0.0.1:8080}"
