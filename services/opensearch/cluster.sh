#!/usr/bin/env bash
# A two-node OpenSearch 3 cluster for the topology test (tests/topology/),
# apart from the suite's single node (services/opensearch/opensearch.sh):
#   services/opensearch/cluster.sh start        -> prints SEARCH_URL=... (node 1) once both nodes are in
#   services/opensearch/cluster.sh start-node 2 -> (re)starts one node, which joins the cluster
#   services/opensearch/cluster.sh stop-node 2
#   services/opensearch/cluster.sh stop | status
# Node 1 (127.0.0.1:9290) bootstraps the cluster and node 2 (127.0.0.1:9291)
# joins it. With two manager-eligible nodes only one of them votes, so the
# cluster survives the loss of node 2, not of node 1: surviving either needs
# three (docs/production.md). The topology test stops node 2.
# Each node is its own JVM (heap OPENSEARCH_CLUSTER_HEAP, 512m), started by
# services/search-node.sh with data under var/opensearch-cluster/node<N>.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BASE_PORT="${OPENSEARCH_CLUSTER_PORT:-9290}"
BASE_TRANSPORT_PORT="${OPENSEARCH_CLUSTER_TRANSPORT_PORT:-9390}"
CLUSTER=thinktank-topology
SEEDS="[\"127.0.0.1:$BASE_TRANSPORT_PORT\", \"127.0.0.1:$((BASE_TRANSPORT_PORT + 1))\"]"

node() {
    local number="$1" action="$2" bootstrap="" dir=""
    # Node 1 forms the cluster; node 2 only ever joins it.
    if [ "$number" = 1 ]; then bootstrap='cluster.initial_cluster_manager_nodes: ["Node 1"]'; fi
    if [ -n "${OPENSEARCH_CLUSTER_DIR:-}" ]; then dir="$OPENSEARCH_CLUSTER_DIR/node$number"; fi
    NODE_NAME=opensearch \
        NODE_POM="$HERE/pom.xml" \
        NODE_MAIN_CLASS=org.codelibs.opensearch.runner.OpenSearchRunner \
        NODE_CONFIG_FILE=opensearch.yml \
        NODE_PORT="$((BASE_PORT + number - 1))" \
        NODE_TRANSPORT_PORT="$((BASE_TRANSPORT_PORT + number - 1))" \
        NODE_HEAP="${OPENSEARCH_CLUSTER_HEAP:-512m}" \
        NODE_JAVA_MIN=21 \
        NODE_DIR="${dir:-$(default_dir "$number")}" \
        NODE_CLUSTER="$CLUSTER" \
        NODE_RUNNER_SETTINGS="discovery.type=zen" \
        NODE_DISCOVERY="discovery.seed_hosts: $SEEDS
$bootstrap" \
        "$HERE/../search-node.sh" "$action"
}

default_dir() {
    # Reachable by the unprivileged `opensearch` user when the checkout is not.
    if [ "$(id -u)" = "0" ] && id opensearch >/dev/null 2>&1 && ! (cd / && runuser -u opensearch -- test -x "$ROOT"); then
        echo "/var/tmp/thinktank-opensearch-cluster-$(printf %s "$ROOT" | sha256sum | cut -c1-12)/node$1"
    else
        echo "$ROOT/var/opensearch-cluster/node$1"
    fi
}

case "${1:-}" in
    start)
        node 1 start >/dev/null
        node 2 start >/dev/null
        echo "SEARCH_URL=http://127.0.0.1:$BASE_PORT"
        ;;
    start-node) node "${2:?node number}" start ;;
    stop-node) node "${2:?node number}" stop ;;
    stop) node 2 stop; node 1 stop ;;
    status) node 1 status && node 2 status ;;
    *) echo "usage: $0 start|stop|status|start-node N|stop-node N" >&2; exit 2 ;;
esac
