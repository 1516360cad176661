#!/usr/bin/env bash
# Runs every test of Gazette, installing what is missing first:
#   native tests (model, server on SQLite), the server's tests again on
#   PostgreSQL, component tests in headless Chromium, the release build, the
#   end-to-end suite (and its reply tests again on PostgreSQL), the size budget.
# GAZETTE_TEST_PG (a PostgreSQL URL whose user may create databases) reuses
# a server; otherwise a throwaway cluster is started and stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
# A run of every test gains little from incremental data, which grew to
# gigabytes (CI ran out of disk once).
export CARGO_INCREMENTAL=0

step() { printf '\n==> %s\n' "$*"; }

step "native tests (cargo test --workspace)"
env -u GAZETTE_TEST_PG cargo test --workspace --locked

if [ -z "${GAZETTE_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d)
  trap 'scripts/pg-cluster.sh stop "$pg_dir" || true; rm -rf "$pg_dir"' EXIT
  GAZETTE_TEST_PG=$(scripts/pg-cluster.sh start "$pg_dir" ${GAZETTE_TEST_PG_PORT:-})
fi
export GAZETTE_TEST_PG
step "the server's tests on PostgreSQL"
# The same command as above, so nothing is built again (its other tests take
# seconds); `-p gazette-server` would unify features apart and rebuild every
# dependency.
cargo test --workspace --locked

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p gazette --features csr --target wasm32-unknown-unknown --locked

step "release build (trunk, wasm-opt $WASM_OPT_VERSION)"
scripts/build.sh

step "end-to-end tests (Playwright, desktop and phone)"
# The reply tests start the reference server themselves, with a fresh
# database each; the debug binary built by the native tests is enough.
GAZETTE_SERVER="$PWD/target/debug/gazette-server" npx playwright test

step "the reply tests with the server on PostgreSQL (desktop)"
GAZETTE_E2E_PG="$GAZETTE_TEST_PG" GAZETTE_SERVER="$PWD/target/debug/gazette-server" \
  npx playwright test tests/e2e/reply.spec.js --project=desktop

step "size budget"
node bench/sizes.mjs --check
