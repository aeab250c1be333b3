#!/usr/bin/env bash
# Start or stop a throw-away single-node OpenSearch 2.19 for the test suite.
#   services/opensearch/opensearch.sh start   -> prints SEARCH_URL=... once the node is healthy
#   services/opensearch/opensearch.sh stop
#   services/opensearch/opensearch.sh status  -> exit 0 when our node answers
# Needs Java 17+ and Maven; the first start downloads the jars listed in pom.xml
# from Maven Central into ~/.m2 and copies them under var/opensearch/lib.
# The node listens on 127.0.0.1 only. When run as root it runs as the
# unprivileged `opensearch` system user (created if missing).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN_USER=opensearch
# The node's files must be reachable by the unprivileged user: a checkout under a
# directory only root may enter (some CI clones) keeps them in /var/tmp instead.
if [ -z "${OPENSEARCH_TEST_DIR:-}" ] && [ "$(id -u)" = "0" ]; then
    id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER"
    if ! (cd / && runuser -u "$RUN_USER" -- test -x "$ROOT"); then
        OPENSEARCH_TEST_DIR="/var/tmp/thinktank-opensearch-$(printf %s "$ROOT" | sha256sum | cut -c1-12)"
    fi
fi
BASE="${OPENSEARCH_TEST_DIR:-$ROOT/var/opensearch}"
PORT="${OPENSEARCH_TEST_PORT:-9250}"
TRANSPORT_PORT="${OPENSEARCH_TEST_TRANSPORT_PORT:-9350}"
HEAP="${OPENSEARCH_TEST_HEAP:-1g}"
CLUSTER=thinktank-test
LIB="$BASE/lib"
PID_FILE="$BASE/opensearch.pid"
LOG_FILE="$BASE/opensearch.log"
URL="http://127.0.0.1:$PORT"

log() { echo "[opensearch] $*" >&2; }

ours_is_up() {
    curl -fsS --max-time 2 "$URL/" 2>/dev/null | grep -q "\"cluster_name\" : \"$CLUSTER\""
}

healthy() {
    curl -fsS --max-time 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -q '"status":"\(green\|yellow\)"'
}

as_runner() {
    if [ "$(id -u)" = "0" ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi
}

install_jars() {
    local stamp="$LIB/.pom.sha" wanted
    wanted="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
    [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] && return 0
    log "fetching OpenSearch from Maven Central (first start only)"
    rm -rf "$LIB"
    mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" -DincludeScope=runtime >&2 \
        || { log "mvn could not fetch the jars"; return 1; }
    echo "$wanted" >"$stamp"
}

start() {
    command -v java >/dev/null || { log "java is not installed"; return 1; }
    command -v mvn >/dev/null || { log "mvn (Maven) is not installed"; return 1; }
    command -v curl >/dev/null || { log "curl is not installed"; return 1; }
    if ours_is_up; then
        echo "SEARCH_URL=$URL"
        return 0
    fi
    if curl -sS --max-time 2 "$URL/" >/dev/null 2>&1; then
        log "port $PORT is taken by another server (set OPENSEARCH_TEST_PORT)"
        return 1
    fi
    mkdir -p "$BASE/node_1/config"
    rm -f "$PID_FILE"
    install_jars || return 1
    # The runner copies its own opensearch.yml only when none exists: this one
    # keeps the node on loopback, alone, and writable even on a nearly full disk.
    cat >"$BASE/node_1/config/opensearch.yml" <<YML
network.host: 127.0.0.1
transport.port: $TRANSPORT_PORT
discovery.type: single-node
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
    if [ "$(id -u)" = "0" ]; then
        id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir "$BASE" --shell /usr/sbin/nologin "$RUN_USER"
        chown -R "$RUN_USER" "$BASE"
    fi
    # The runner binds http.port = baseHttpPort + node number (1).
    # `exec` makes the pid written by the shell the JVM's own, whoever runs it.
    as_runner bash -c 'echo $$ >"$1"; shift; cd "$1"; exec "${@:2}"' _ "$PID_FILE" "$BASE" \
        java -Xms"$HEAP" -Xmx"$HEAP" -cp "$LIB/*" \
        org.codelibs.opensearch.runner.OpenSearchRunner \
        -basePath "$BASE" -numOfNode 1 -baseHttpPort "$((PORT - 1))" -clusterName "$CLUSTER" \
        </dev/null >"$LOG_FILE" 2>&1 &
    local waited=0
    while [ ! -s "$PID_FILE" ] && [ "$waited" -lt 10 ]; do sleep 1; waited=$((waited + 1)); done
    waited=0
    until healthy; do
        if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
            log "the node exited; last lines of $LOG_FILE:"
            tail -n 20 "$LOG_FILE" >&2
            return 1
        fi
        if [ "$waited" -ge 180 ]; then
            log "no healthy node after ${waited}s; see $LOG_FILE"
            stop
            return 1
        fi
        sleep 2
        waited=$((waited + 2))
    done
    echo "SEARCH_URL=$URL"
}

stop() {
    [ -f "$PID_FILE" ] || return 0
    local pid
    pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$PID_FILE"
}

status() { ours_is_up; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
