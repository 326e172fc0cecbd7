#!/usr/bin/env bash
# Make sure Redis answers at REDIS_URL (default redis://127.0.0.1:6379/0): start redis-server
# if it is installed but not running; install Debian's package first when root.
source "$(dirname "$0")/lib.sh"
URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
PORT="$(.venv/bin/python -c 'import sys; from urllib.parse import urlsplit; print(urlsplit(sys.argv[1]).port or 6379)' "$URL")"
HOST="$(.venv/bin/python -c 'import sys; from urllib.parse import urlsplit; print(urlsplit(sys.argv[1]).hostname or "127.0.0.1")' "$URL")"

ping() { .venv/bin/python -c 'import sys, redis; redis.Redis.from_url(sys.argv[1], socket_timeout=1).ping()' "$URL" 2>/dev/null; }

ping && exit 0
case "$HOST" in 127.0.0.1|localhost|::1) ;; *) die "Redis at $URL does not answer (it is not local, so it is not started here)";; esac
command -v redis-server >/dev/null || apt_install redis-server
say "starting redis-server on port $PORT (data in var/redis)"
mkdir -p var/redis
redis-server --daemonize yes --bind 127.0.0.1 --port "$PORT" --dir "$ROOT/var/redis" \
  --logfile "$ROOT/var/redis/redis.log" --pidfile "$ROOT/var/redis/redis.pid" >/dev/null
for _ in $(seq 50); do ping && exit 0; sleep 0.1; done
die "redis-server did not come up; see var/redis/redis.log"
