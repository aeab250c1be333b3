#!/usr/bin/env bash
# Start or stop a throw-away single search node for the test suite, run from
# Maven Central jars by one of the codelibs runners. Called by
# services/opensearch/opensearch.sh and services/elasticsearch/elasticsearch.sh,
# which say which engine (NODE_* variables below):
#   start   -> prints SEARCH_URL=... once the node is healthy
#   stop
#   status  -> exit 0 when our node answers
# Needs a JDK (NODE_JAVA_MIN..NODE_JAVA_MAX: the highest under /usr/lib/jvm, else
# the `java` on PATH) and Maven; the first start downloads the jars listed in the
# engine's pom.xml into ~/.m2 and copies them under var/<engine>/lib. The runner
# is started through services/SearchNode.java: any port, and the cause of a failed start.
# The node listens on 127.0.0.1 only. When run as root it runs as the engine's
# unprivileged system user (created if missing): the runners refuse root.
set -euo pipefail

: "${NODE_NAME:?}" "${NODE_POM:?}" "${NODE_MAIN_CLASS:?}" "${NODE_CONFIG_FILE:?}" "${NODE_PORT:?}" "${NODE_TRANSPORT_PORT:?}"
NODE_JVM_FLAGS="${NODE_JVM_FLAGS:-}"
NODE_HEAP="${NODE_HEAP:-1g}"
NODE_JAVA_MIN="${NODE_JAVA_MIN:-17}"
NODE_JAVA_MAX="${NODE_JAVA_MAX:-99}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_USER="$NODE_NAME"
# The node's files must be reachable by the unprivileged user: a checkout under a
# directory only root may enter (some CI clones) keeps them in /var/tmp instead.
if [ -z "${NODE_DIR:-}" ] && [ "$(id -u)" = "0" ]; then
    id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER"
    if ! (cd / && runuser -u "$RUN_USER" -- test -x "$ROOT"); then
        NODE_DIR="/var/tmp/thinktank-$NODE_NAME-$(printf %s "$ROOT" | sha256sum | cut -c1-12)"
    fi
fi
BASE="${NODE_DIR:-$ROOT/var/$NODE_NAME}"
CLUSTER="${NODE_CLUSTER:-thinktank-test}"
# How the node finds its cluster: alone by default; services/opensearch/cluster.sh
# passes seed hosts and a node name to start nodes that form one cluster.
NODE_DISCOVERY="${NODE_DISCOVERY:-discovery.type: single-node}"
LIB="$BASE/lib"
PID_FILE="$BASE/$NODE_NAME.pid"
LOG_FILE="$BASE/$NODE_NAME.log"
URL="http://127.0.0.1:$NODE_PORT"

log() { echo "[$NODE_NAME] $*" >&2; }

ours_is_up() {
    curl -fsS --max-time 2 "$URL/" 2>/dev/null | grep -q "\"cluster_name\" : \"$CLUSTER\""
}

healthy() {
    curl -fsS --max-time 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -q '"status":"\(green\|yellow\)"'
}

as_runner() {
    if [ "$(id -u)" = "0" ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi
}

java_major() {
    # The JDK's release file, else what its java prints ("17.0.15", "1.8.0_392").
    local home="$1" version
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release" 2>/dev/null)"
    [ -n "$version" ] || version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
    version="${version#1.}"
    echo "${version%%[!0-9]*}"
}

find_jdk() {
    # The newest JDK (with its compiler, for SearchNode.java) the engine runs on.
    local home major best="" best_major=0 on_path=""
    command -v java >/dev/null && on_path="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    for home in /usr/lib/jvm/*/ "$on_path"; do
        home="$(readlink -f "$home" 2>/dev/null)" || continue
        [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        major="$(java_major "$home")"
        [ -n "$major" ] && [ "$major" -ge "$NODE_JAVA_MIN" ] && [ "$major" -le "$NODE_JAVA_MAX" ] || continue
        if [ "$major" -gt "$best_major" ]; then best="$home" best_major="$major"; fi
    done
    [ -n "$best" ] || { log "no JDK $NODE_JAVA_MIN-$NODE_JAVA_MAX (with javac) under /usr/lib/jvm or on PATH"; return 1; }
    echo "$best"
}

install_jars() {
    local stamp="$LIB/.pom.sha" wanted
    wanted="$(sha256sum "$NODE_POM" | cut -d' ' -f1)"
    [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] && return 0
    log "fetching the node from Maven Central (first start only)"
    rm -rf "$LIB"
    mvn -q -B -f "$NODE_POM" dependency:copy-dependencies -DoutputDirectory="$LIB" -DincludeScope=runtime >&2 \
        || { log "mvn could not fetch the jars"; return 1; }
    echo "$wanted" >"$stamp"
}

start() {
    local jdk
    jdk="$(find_jdk)" || return 1
    command -v mvn >/dev/null || { log "mvn (Maven) is not installed"; return 1; }
    command -v curl >/dev/null || { log "curl is not installed"; return 1; }
    if ours_is_up; then
        echo "SEARCH_URL=$URL"
        return 0
    fi
    if curl -sS --max-time 2 "$URL/" >/dev/null 2>&1; then
        log "port $NODE_PORT is taken by another server (set the engine's *_TEST_PORT)"
        return 1
    fi
    mkdir -p "$BASE/node_1/config"
    rm -f "$PID_FILE"
    install_jars || return 1
    # The runner copies its own configuration only when none exists: this one
    # keeps the node on loopback, alone, and writable even on a nearly full disk.
    cat >"$BASE/node_1/config/$NODE_CONFIG_FILE" <<YML
network.host: 127.0.0.1
transport.port: $NODE_TRANSPORT_PORT
$NODE_DISCOVERY
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
    if [ "$(id -u)" = "0" ]; then
        id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir "$BASE" --shell /usr/sbin/nologin "$RUN_USER"
        chown -R "$RUN_USER" "$BASE"
    fi
    # The runner binds http.port = baseHttpPort + node number (1).
    # `exec` makes the pid written by the shell the JVM's own, whoever runs it.
    cp "$ROOT/services/SearchNode.java" "$BASE/SearchNode.java"
    log "starting on $URL with $jdk"
    # shellcheck disable=SC2086 # NODE_JVM_FLAGS is a list of flags
    as_runner bash -c 'echo $$ >"$1"; shift; cd "$1"; exec "${@:2}"' _ "$PID_FILE" "$BASE" \
        "$jdk/bin/java" -Xms"$NODE_HEAP" -Xmx"$NODE_HEAP" $NODE_JVM_FLAGS -cp "$LIB/*" "$BASE/SearchNode.java" "$NODE_MAIN_CLASS" \
        -basePath "$BASE" -numOfNode 1 -baseHttpPort "$((NODE_PORT - 1))" -clusterName "$CLUSTER" \
        </dev/null >"$LOG_FILE" 2>&1 &
    local waited=0
    while [ ! -s "$PID_FILE" ] && [ "$waited" -lt 10 ]; do sleep 1; waited=$((waited + 1)); done
    waited=0
    until healthy; do
        if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
            log "the node exited; why, from $LOG_FILE:"
            # The exception and its causes, not the runner's closing lines.
            grep -E "could not start|Caused by|Exception:|Error:" "$LOG_FILE" | grep -v -E "^\s*at |\] \s+at " | head -n 12 >&2 \
                || tail -n 20 "$LOG_FILE" >&2
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
