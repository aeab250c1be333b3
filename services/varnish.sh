#!/usr/bin/env bash
# Start or stop a Varnish in front of app servers, from Debian's `varnish` package,
# with the project's VCL (deploy/varnish/default.vcl).
#   services/varnish.sh start 127.0.0.1:8001 127.0.0.1:8002   -> prints VARNISH_URL=... on success
#   services/varnish.sh stop
#   services/varnish.sh status
#   services/varnish.sh adm backend.list        -> any varnishadm command (bans, backend health)
#   services/varnish.sh install                 -> Debian's varnish (varnishd, varnishtest) and varnish-modules
#                                                  (the xkey vmod the VCL purges tags with) when missing
# The app servers are written into backends.vcl as the `apps` round-robin
# director, each probed on /healthz every second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${VARNISH_PORT:-6089}"
ADMIN_PORT="${VARNISH_ADMIN_PORT:-6088}"
# varnishd drops root for its own users: its work folder lives where they can reach it.
WORK_DIR="${VARNISH_WORK_DIR:-/var/tmp/thinktank-varnish-$(printf %s "$ROOT" | sha256sum | cut -c1-12)}"
PROBE_HOST="${VARNISH_PROBE_HOST:-localhost}"

log() { echo "[varnish] $*" >&2; }

has_xkey() { ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; }

install_varnish() {
    command -v varnishd >/dev/null && has_xkey && return 0
    if [ "$(id -u)" != "0" ]; then
        log "varnish or varnish-modules is not installed and we are not root to install them."
        return 1
    fi
    log "installing Varnish from the machine's package manager"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules; } >/dev/null 2>&1
}

write_backends() {
    local number=0 backend host port
    {
        echo "vcl 4.1;"
        for backend in "$@"; do
            number=$((number + 1))
            host="${backend%:*}"
            port="${backend##*:}"
            cat <<VCL
backend app$number {
    .host = "$host";
    .port = "$port";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .request = "GET /healthz HTTP/1.1" "Host: $PROBE_HOST" "Connection: close";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}
VCL
        done
        echo "sub vcl_init {"
        echo "    new apps = directors.round_robin();"
        for number in $(seq 1 "$number"); do echo "    apps.add_backend(app$number);"; done
        echo "}"
    } >"$WORK_DIR/backends.vcl"
}

running() { [ -f "$WORK_DIR/varnishd.pid" ] && kill -0 "$(cat "$WORK_DIR/varnishd.pid")" 2>/dev/null; }

start() {
    [ "$#" -gt 0 ] || { log "usage: $0 start HOST:PORT [HOST:PORT ...]"; return 1; }
    install_varnish || return 1
    stop >/dev/null 2>&1 || true
    mkdir -p "$WORK_DIR"
    cp "$ROOT/deploy/varnish/default.vcl" "$WORK_DIR/default.vcl"
    write_backends "$@"
    chmod -R a+rX "$WORK_DIR"
    varnishd -a "127.0.0.1:$PORT" -T "127.0.0.1:$ADMIN_PORT" -n "$WORK_DIR/instance" \
        -p vcl_path="$WORK_DIR" -f "$WORK_DIR/default.vcl" -s malloc,256m -P "$WORK_DIR/varnishd.pid" \
        >"$WORK_DIR/varnishd.log" 2>&1 || { log "varnishd did not start: $(cat "$WORK_DIR/varnishd.log")"; return 1; }
    local listening=false
    for _ in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then listening=true; break; fi
        sleep 0.2
    done
    [ "$listening" = "true" ] || { log "varnishd did not listen on $PORT"; return 1; }
    wait_for_backends "$#"
    echo "VARNISH_URL=http://127.0.0.1:$PORT"
}

# A backend starts "sick" until its probes pass: requests sent before then get a
# 503. Wait for every app server to be healthy (VARNISH_HEALTHY_WAIT seconds at
# most); app servers still down by then only earn a warning, since they may be
# started after Varnish.
wait_for_backends() {
    local wanted="$1" healthy=0
    for _ in $(seq 1 $((${VARNISH_HEALTHY_WAIT:-30} * 5))); do
        healthy="$(adm backend.list 2>/dev/null | grep -cE '^\S*\bapp[0-9]+\s.*\shealthy\s' || true)"
        [ "$healthy" -ge "$wanted" ] && return 0
        sleep 0.2
    done
    log "WARNING: $healthy of $wanted app servers healthy (probed on /healthz); Varnish answers 503 until one is"
}

stop() {
    if running; then
        kill "$(cat "$WORK_DIR/varnishd.pid")"
        for _ in $(seq 1 50); do running || break; sleep 0.2; done
    fi
    rm -f "$WORK_DIR/varnishd.pid"
}

status() { running && echo "varnish running on 127.0.0.1:$PORT"; }

adm() { varnishadm -n "$WORK_DIR/instance" "$@"; }

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    status) status ;;
    adm) shift; adm "$@" ;;
    install) install_varnish ;;
    *) echo "usage: $0 start HOST:PORT [HOST:PORT ...] | stop | status | adm COMMAND | install" >&2; exit 2 ;;
esac
