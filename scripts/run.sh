#!/usr/bin/env bash
# Builds Gazette and serves it on the demo content with replies working:
# the reference server (crates/server) with its SQLite file ./gazette.db.
#   scripts/run.sh              app + reference server on http://127.0.0.1:8080/
#   scripts/run.sh --static     app + demo content as plain static files on nginx
#                               (deploy/nginx/gazette.conf; no replies)
# ADDR=127.0.0.1:9000 scripts/run.sh picks another address.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
scripts/build.sh
addr="${ADDR:-127.0.0.1:8080}"
if [ "${1:-}" = "--static" ]; then
  exec scripts/serve-nginx.sh dist "${addr##*:}"
fi
cargo build --release --locked -p gazette-server
cat <<EOM
Moderation desk: http://$addr/moderation (sign in as a moderator). Add one,
with a password of 12 characters at least, on this machine:
  printf '%s\n' 'a long passphrase' | target/release/gazette-server moderators add NAME --db ./gazette.db
(remove: target/release/gazette-server moderators remove NAME --db ./gazette.db)
EOM
exec target/release/gazette-server --addr "$addr" --db ./gazette.db --static dist --content dist/api
