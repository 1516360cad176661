#!/usr/bin/env bash
# gazette-load against one server on SQLite, one on PostgreSQL and two on one
# PostgreSQL, on loopback; prints each run's table (docs/BENCHMARKS.md).
# Needs a release build: cargo build --release -p gazette-server --bins --examples
# and dist/ (scripts/build.sh). PostgreSQL: GAZETTE_TEST_PG, or a throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/gazette-server
load=target/release/examples/gazette-load
seconds=${SECONDS_PER_RUN:-10}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${started_pg:-}" ] && scripts/pg-cluster.sh stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${GAZETTE_TEST_PG:-}" ]; then
  GAZETTE_TEST_PG=$(scripts/pg-cluster.sh start "$work/pg"); started_pg=1
fi
database() { # a fresh database on the PostgreSQL server; prints its URL
  psql "$GAZETTE_TEST_PG" -qAtc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  echo "${GAZETTE_TEST_PG%/*}/$1"
}
serve() { # port db
  "$bin" --addr "127.0.0.1:$1" --db "$2" --static dist --content dist/api --rate-limit 0 \
    >/dev/null 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$1/readyz" >/dev/null; do sleep 0.2; done
}
run() { "$load" --readers 16 --writers 4 --seconds "$seconds" "$@"; echo; }

echo "## one server, SQLite"
serve 8191 "$work/load.db"
run --url http://127.0.0.1:8191/api

echo "## one server, PostgreSQL"
serve 8192 "$(database gazette_load_one)"
run --url http://127.0.0.1:8192/api

echo "## two servers, one PostgreSQL"
two=$(database gazette_load_two)
serve 8193 "$two"
serve 8194 "$two"
run --url http://127.0.0.1:8193/api --url http://127.0.0.1:8194/api
