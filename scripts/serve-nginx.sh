#!/usr/bin/env bash
# Serves a build's folder on 127.0.0.1 with Debian's nginx and the repo's
# server block, deploy/nginx/gazette.conf, as an operator would install it:
# only its `listen`, `root` and `include` lines change. Used by the read side's
# end-to-end tests (playwright.config.js), `scripts/run.sh --static` and
# bench/threads.mjs. Stops nginx and removes its temporary folder on exit.
# Usage: scripts/serve-nginx.sh [DIR] [PORT]   (defaults: dist 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath "${1:-dist}")
port=${2:-8080}
[ -f "$dir/index.html" ] || { echo "serve-nginx.sh: $dir has no index.html (run scripts/build.sh)" >&2; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "serve-nginx.sh: no nginx (scripts/setup.sh installs it)" >&2; exit 1; }

tmp=$(mktemp -d)
sed -e "s|^    listen 80;$|    listen 127.0.0.1:$port;|" \
    -e "s|^    root /var/www/gazette/dist;$|    root $dir;|" \
    -e "s|^    include /var/www/gazette/dist/|    include $dir/|" \
    deploy/nginx/gazette.conf > "$tmp/gazette.conf"
grep -q "listen 127.0.0.1:$port;" "$tmp/gazette.conf" && grep -q "root $dir;" "$tmp/gazette.conf" \
  || { echo "serve-nginx.sh: deploy/nginx/gazette.conf has no 'listen 80;' or 'root' line to set" >&2; exit 1; }
# One process as the calling user, in the foreground, everything in $tmp.
cat > "$tmp/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $tmp/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/gazette.conf;
}
CONF
"$nginx" -t -q -p "$tmp" -c "$tmp/nginx.conf"
echo "Gazette (static, nginx) on http://127.0.0.1:$port/ serving $dir"
"$nginx" -p "$tmp" -c "$tmp/nginx.conf" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
trap 'exit 0' TERM INT
wait "$pid"
