#!/usr/bin/env bash
# Start or stop a throw-away single-node OpenSearch 3 for the test suite
# (services/search-node.sh does the work):
#   services/opensearch/opensearch.sh start   -> prints SEARCH_URL=... once the node is healthy
#   services/opensearch/opensearch.sh stop
#   services/opensearch/opensearch.sh status  -> exit 0 when our node answers
# On 127.0.0.1:9250 (OPENSEARCH_TEST_PORT), data under var/opensearch
# (OPENSEARCH_TEST_DIR), as the unprivileged `opensearch` user when run as root.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_NAME=opensearch \
    NODE_POM="$HERE/pom.xml" \
    NODE_MAIN_CLASS=org.codelibs.opensearch.runner.OpenSearchRunner \
    NODE_CONFIG_FILE=opensearch.yml \
    NODE_PORT="${OPENSEARCH_TEST_PORT:-9250}" \
    NODE_TRANSPORT_PORT="${OPENSEARCH_TEST_TRANSPORT_PORT:-9350}" \
    NODE_HEAP="${OPENSEARCH_TEST_HEAP:-1g}" \
    NODE_JAVA_MIN=21 \
    NODE_DIR="${OPENSEARCH_TEST_DIR:-}" \
    exec "$HERE/../search-node.sh" "$@"
