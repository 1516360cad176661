#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a folder, on a private port, for tests
# and benchmarks (Debian's postgresql; see ../shared/TOOLCHAIN.md and the README).
#   scripts/pg-cluster.sh start DIR [PORT]   prints the cluster's URL
#   scripts/pg-cluster.sh stop DIR
#   scripts/pg-cluster.sh restart DIR        (the same port and data)
# Without PORT the first free port from 25432 is taken. Ports are kept below
# the kernel's ephemeral range (32768 and up), where the outgoing connections
# of the tests' thousands of requests could hold the port a cluster wants.
# The URL's user (gazette) owns the cluster and may create databases.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cmd=${1:?start, stop or restart}; dir=${2:?a folder}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for p in $(seq 25432 25631); do
    listening "$p" || { echo "$p"; return; }
  done
  echo "no free port in 25432-25631 for PostgreSQL" >&2; exit 1
}
run_on() {
  if ! as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null; then
    echo "PostgreSQL did not start on port $1; its log:" >&2
    cat "$dir/log" >&2 || true
    exit 1
  fi
}
case "$cmd" in
  start)
    port=${3:-$(free_port)}
    if listening "$port"; then echo "port $port is already in use" >&2; exit 1; fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    if [ ! -d "$dir/data" ]; then
      as_postgres "$bin/initdb" -D "$dir/data" -A trust -U gazette >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    echo "$port" >"$dir/port"
    run_on "$port"
    echo "postgres://gazette@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  restart)
    run_on "$(cat "$dir/port")"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
