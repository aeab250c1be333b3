#!/usr/bin/env bash
# Start or stop a throw-away single-node Elasticsearch 7.10.2 (the last
# Apache-2.0 release; Java 17 at most: it needs the Security Manager) for the test suite (services/search-node.sh does the work):
#   services/elasticsearch/elasticsearch.sh start   -> prints SEARCH_URL=... once the node is healthy
#   services/elasticsearch/elasticsearch.sh stop
#   services/elasticsearch/elasticsearch.sh status  -> exit 0 when our node answers
# On 127.0.0.1:9260 (ELASTICSEARCH_TEST_PORT), data under var/elasticsearch
# (ELASTICSEARCH_TEST_DIR), as the unprivileged `elasticsearch` user when run as root.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The distribution flags make the node answer as the default distribution, which
# the official Python client checks for; the log4j flag closes lookups in messages.
NODE_NAME=elasticsearch \
    NODE_POM="$HERE/pom.xml" \
    NODE_MAIN_CLASS=org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner \
    NODE_CONFIG_FILE=elasticsearch.yml \
    NODE_PORT="${ELASTICSEARCH_TEST_PORT:-9260}" \
    NODE_TRANSPORT_PORT="${ELASTICSEARCH_TEST_TRANSPORT_PORT:-9360}" \
    NODE_HEAP="${ELASTICSEARCH_TEST_HEAP:-1g}" \
    NODE_JAVA_MAX=17 \
    NODE_DIR="${ELASTICSEARCH_TEST_DIR:-}" \
    NODE_JVM_FLAGS="-Des.distribution.flavor=default -Des.distribution.type=tar -Dlog4j2.formatMsgNoLookups=true" \
    exec "$HERE/../search-node.sh" "$@"
