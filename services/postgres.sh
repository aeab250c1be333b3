#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL for the test suite, from Debian's packages.
#   services/postgres.sh start   -> prints DATABASE_URL=... on success
#   services/postgres.sh stop
# PostgreSQL refuses to run as root, so the server runs as the `postgres` user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${POSTGRES_TEST_DIR:-$ROOT/var/postgres}"

choose_data_dir() {
    # The data must be reachable by the `postgres` user: a checkout under a
    # directory only root may enter (some CI clones) keeps it in /var/tmp instead.
    if [ -z "${POSTGRES_TEST_DIR:-}" ] && [ "$(id -u)" = "0" ] && id postgres >/dev/null 2>&1 \
        && ! (cd / && runuser -u postgres -- test -x "$ROOT"); then
        DATA_DIR="/var/tmp/thinktank-postgres-$(printf %s "$ROOT" | sha256sum | cut -c1-12)"
    fi
}
PORT="${POSTGRES_TEST_PORT:-54329}"
USER_NAME=thinktank
PASSWORD=thinktank

log() { echo "[postgres] $*" >&2; }

find_bin() {
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && { echo "$candidate"; return 0; }
    done
    return 1
}

as_postgres() {
    if [ "$(id -u)" = "0" ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

install_server() {
    if find_bin >/dev/null; then return 0; fi
    if [ "$(id -u)" != "0" ]; then
        log "PostgreSQL is not installed and we are not root to install it."
        return 1
    fi
    log "installing PostgreSQL from the machine's package manager"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

start() {
    install_server || return 1
    local bin
    bin="$(find_bin)"
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    choose_data_dir
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = "0" ] && chown -R postgres "$DATA_DIR"
    if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$DATA_DIR" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 60 \
            -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null
    fi
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtA -c \
        "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$USER_NAME') THEN CREATE ROLE $USER_NAME LOGIN SUPERUSER PASSWORD '$PASSWORD'; END IF; END\$\$;" >/dev/null
    if ! as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtA -c "SELECT 1 FROM pg_database WHERE datname='$USER_NAME'" | grep -q 1; then
        as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres -O "$USER_NAME" "$USER_NAME"
    fi
    echo "DATABASE_URL=postgres://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$USER_NAME"
}

stop() {
    choose_data_dir
    local bin
    bin="$(find_bin)" || return 0
    [ -f "$DATA_DIR/postmaster.pid" ] || return 0
    as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null || true
}

status() {
    choose_data_dir
    local bin
    bin="$(find_bin)" || return 1
    as_postgres "$bin/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

case "${1:-}" in
    start) start ;;
    status) status ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
