#!/usr/bin/env bash
# Start or stop a Redis for the test suite (shared rate limits), from Debian's packages.
#   services/redis.sh start   -> prints REDIS_URL=... on success
#   services/redis.sh stop
#   services/redis.sh status
# Listens on 127.0.0.1 only, on a port of its own; when run as root the server
# runs as the unprivileged `redis` user the package creates.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${REDIS_TEST_DIR:-$ROOT/var/redis}"
PORT="${REDIS_TEST_PORT:-63799}"
RUN_AS=redis

log() { echo "[redis] $*" >&2; }

choose_data_dir() {
    # The data must be reachable by the `redis` user: a checkout under a
    # directory only root may enter keeps it in /var/tmp instead.
    if [ -z "${REDIS_TEST_DIR:-}" ] && [ "$(id -u)" = "0" ] && id "$RUN_AS" >/dev/null 2>&1 \
        && ! (cd / && runuser -u "$RUN_AS" -- test -x "$ROOT"); then
        DATA_DIR="/var/tmp/thinktank-redis-$(printf %s "$ROOT" | sha256sum | cut -c1-12)"
    fi
}

as_redis() {
    if [ "$(id -u)" = "0" ]; then (cd / && runuser -u "$RUN_AS" -- "$@"); else "$@"; fi
}

install_server() {
    if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then return 0; fi
    if [ "$(id -u)" != "0" ]; then
        log "Redis is not installed and we are not root to install it."
        return 1
    fi
    log "installing Redis from the machine's package manager"
    # The package's service is not wanted: this script runs its own server.
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

ping() { redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; }

start() {
    install_server || return 1
    if [ "$(id -u)" = "0" ] && ! id "$RUN_AS" >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/redis --shell /usr/sbin/nologin "$RUN_AS"
    fi
    choose_data_dir
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = "0" ] && chown -R "$RUN_AS" "$DATA_DIR"
    if ! ping; then
        as_redis redis-server --bind 127.0.0.1 --port "$PORT" --protected-mode yes --daemonize yes \
            --dir "$DATA_DIR" --pidfile "$DATA_DIR/redis.pid" --logfile "$DATA_DIR/redis.log" \
            --save "" --appendonly no
        for _ in $(seq 1 50); do ping && break; sleep 0.1; done
        ping || { log "Redis did not start; see $DATA_DIR/redis.log"; return 1; }
    fi
    echo "REDIS_URL=redis://127.0.0.1:$PORT/0"
}

stop() {
    choose_data_dir
    ping || return 0
    redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
}

status() {
    ping
}

case "${1:-}" in
    start) start ;;
    status) status ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
