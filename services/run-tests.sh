#!/usr/bin/env bash
# The test command (`make test`): installs what the suite needs, starts the
# services it runs against, runs the checks and the tests, and stops the services.
# In CI (CI=true) a service that cannot start fails the run; elsewhere the tests
# that need it are skipped and a line says so.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CI="${CI:-false}"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3

say() { echo "[test] $*"; }
fail() { echo "[test] FAILED: $*" >&2; exit 1; }
required() { [ "$CI" = "true" ]; }

# 1. Python environment
if [ ! -x .venv/bin/python ]; then "$PYTHON" -m venv .venv || fail "cannot create .venv"; fi
stamp=".venv/.requirements-dev.sha"
wanted="$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    .venv/bin/pip install -q --upgrade pip >/dev/null && .venv/bin/pip install -q -r requirements-dev.txt || fail "pip install"
    echo "$wanted" >"$stamp"
fi
PY=.venv/bin/python

started_postgres=false
started_opensearch=false
started_elasticsearch=false
started_redis=false
started_cluster=false
cleanup() {
    if [ "$started_cluster" = "true" ]; then services/opensearch/cluster.sh stop || true; fi
    if [ "$started_postgres" = "true" ]; then services/postgres.sh stop || true; fi
    if [ "$started_redis" = "true" ]; then services/redis.sh stop || true; fi
    if [ "$started_opensearch" = "true" ]; then services/opensearch/opensearch.sh stop || true; fi
    if [ "$started_elasticsearch" = "true" ]; then services/elasticsearch/elasticsearch.sh stop || true; fi
}
trap cleanup EXIT

# 2. Services
if [ -z "${DATABASE_URL:-}" ]; then
    services/postgres.sh status >/dev/null 2>&1 || started_postgres=true
    if pg_line="$(services/postgres.sh start)"; then
        export "$pg_line"
        say "PostgreSQL running: tests use it"
    elif required; then
        fail "PostgreSQL could not start (required in CI)"
    else
        say "SKIPPED PostgreSQL: it could not be installed or started here; tests run on SQLite and PostgreSQL-only tests are skipped"
    fi
fi

# Redis: the shared cache of the rate-limit test across two servers. The other
# tests keep the local-memory cache; only those marked `redis` read REDIS_URL.
if [ -z "${REDIS_URL:-}" ]; then
    services/redis.sh status >/dev/null 2>&1 || started_redis=true
    if redis_line="$(services/redis.sh start)"; then
        export "$redis_line"
        say "Redis running: shared rate-limit tests use it"
    elif required; then
        fail "Redis could not start (required in CI); see var/redis/redis.log"
    else
        started_redis=false
        say "SKIPPED Redis tests: redis-server could not be installed or started here (services/redis.sh start)"
    fi
fi

# Browser tests drive Debian's Chromium (Playwright's own download does not work here).
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing Chromium for the browser tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1
fi
if [ -x "$CHROMIUM" ]; then
    say "Chromium at $CHROMIUM: browser tests run"
elif required; then
    fail "Chromium could not be installed (required in CI for the browser tests)"
else
    say "SKIPPED browser tests: Chromium is not installed at $CHROMIUM (apt-get install -y chromium)"
fi

# Search engines: real OpenSearch 3 and Elasticsearch 7.10 nodes (services/opensearch/,
# services/elasticsearch/). The whole suite runs on OpenSearch, and the engine tests
# (marker search_engine) once more on Elasticsearch. SEARCH_URL (+ SEARCH_BACKEND)
# points the one run at a cluster of your own instead.
ELASTICSEARCH_URL=""
if [ -z "${SEARCH_URL:-}" ]; then
    # A JDK (services/SearchNode.java is run from source): 17 for Elasticsearch 7.10;
    # OpenSearch 3 takes the newest JDK 21+ under /usr/lib/jvm (services/search-node.sh).
    if { ! command -v javac >/dev/null || ! command -v mvn >/dev/null; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        say "installing Java and Maven for the search test nodes"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven curl; } >/dev/null 2>&1
    fi
    services/opensearch/opensearch.sh status >/dev/null 2>&1 || started_opensearch=true
    if search_line="$(services/opensearch/opensearch.sh start)"; then
        export "$search_line" SEARCH_BACKEND=opensearch3
        say "OpenSearch running at $SEARCH_URL: the suite uses it"
    elif required; then
        fail "OpenSearch could not start (required in CI); see var/opensearch/opensearch.log"
    else
        started_opensearch=false
        say "SKIPPED search engine tests: OpenSearch 3 needs a JDK 21+ and Maven (services/opensearch/opensearch.sh start)"
    fi
    services/elasticsearch/elasticsearch.sh status >/dev/null 2>&1 || started_elasticsearch=true
    if es_line="$(services/elasticsearch/elasticsearch.sh start)"; then
        ELASTICSEARCH_URL="${es_line#SEARCH_URL=}"
        say "Elasticsearch running at $ELASTICSEARCH_URL: the engine tests run on it too"
    elif required; then
        fail "Elasticsearch could not start (required in CI); see var/elasticsearch/elasticsearch.log"
    else
        started_elasticsearch=false
        say "SKIPPED the Elasticsearch run of the engine tests: it needs a JDK 17 and Maven (services/elasticsearch/elasticsearch.sh start)"
    fi
else
    say "Search engine tests use $SEARCH_URL (${SEARCH_BACKEND:-opensearch3})"
fi

# The topology test and the fault drill (tests/topology/, docs/production.md): a
# two-node OpenSearch cluster of its own (512 MB heaps) beside Varnish and two
# gunicorn servers they start themselves; the drill also starts a PostgreSQL
# and a Redis of its own (services/postgres.sh on a free port, redis-server),
# which it stops and starts again. Run in CI, or when asked with TOPOLOGY_TEST=1.
if [ "$CI" = "true" ] || [ "${TOPOLOGY_TEST:-}" = "1" ]; then
    export TOPOLOGY_TEST=1
    services/varnish.sh install || { required && fail "Varnish could not be installed (required in CI)"; }
    services/opensearch/cluster.sh status >/dev/null 2>&1 || started_cluster=true
    if cluster_line="$(services/opensearch/cluster.sh start)"; then
        export TOPOLOGY_SEARCH_URL="${cluster_line#SEARCH_URL=}"
        say "two-node OpenSearch cluster at $TOPOLOGY_SEARCH_URL: the topology test runs"
    elif required; then
        fail "the two-node OpenSearch cluster could not start (required in CI); see var/opensearch-cluster/node*/opensearch.log"
    else
        started_cluster=false
        say "SKIPPED the topology test: the two-node OpenSearch cluster could not start (services/opensearch/cluster.sh start)"
    fi
else
    say "SKIPPED the topology test and the fault drill: they run under CI=true or TOPOLOGY_TEST=1 (about 8 minutes)"
fi

# ---------------------------------------------------------------------------
# Accessibility and HTML validity checkers (tests/browser/test_accessibility.py,
# tests/browser/test_validity.py): axe-core and the Nu HTML checker (vnu.jar),
# npm packages installed into var/node/; vnu.jar runs on Java. Lighthouse
# (tests/browser/test_page_weight.py, manage.py browser_benchmark): 12.8.2 is
# the last to run on Node 20 (13 needs Node 22.19).
AXE_CORE_VERSION=4.14.1
VNU_JAR_VERSION=26.9.27
LIGHTHOUSE_VERSION=12.8.2
NODE_TOOLS=var/node
if { ! command -v npm >/dev/null || ! command -v java >/dev/null; } && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing npm and Java for the accessibility and validity checks"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm openjdk-17-jre-headless; } >/dev/null 2>&1
fi
installed_version() { sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$NODE_TOOLS/node_modules/$1/package.json" 2>/dev/null | head -1; }
if [ "$(installed_version axe-core)" != "$AXE_CORE_VERSION" ] || [ "$(installed_version vnu-jar)" != "$VNU_JAR_VERSION" ] \
    || [ "$(installed_version lighthouse)" != "$LIGHTHOUSE_VERSION" ]; then
    mkdir -p "$NODE_TOOLS"
    # --ignore-scripts: vnu-jar's install script would fetch a Java runtime; the machine's Java is used.
    npm install --prefix "$NODE_TOOLS" --no-save --no-audit --no-fund --ignore-scripts \
        "axe-core@$AXE_CORE_VERSION" "vnu-jar@$VNU_JAR_VERSION" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null 2>&1 \
        || { required && fail "npm could not install axe-core, vnu-jar and lighthouse"; }
fi
if [ -f "$NODE_TOOLS/node_modules/axe-core/axe.min.js" ] && [ -f "$NODE_TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ] && command -v java >/dev/null; then
    say "axe-core $AXE_CORE_VERSION and the Nu HTML checker $VNU_JAR_VERSION installed: accessibility and validity checks run"
elif required; then
    fail "axe-core, vnu-jar or Java missing (required in CI)"
else
    say "SKIPPED accessibility/validity checks: npm install of axe-core and vnu-jar, or Java, missing"
fi
if [ -x "$NODE_TOOLS/node_modules/.bin/lighthouse" ]; then
    say "Lighthouse $LIGHTHOUSE_VERSION installed: every page type's accessibility, best practices and SEO are checked at 100"
elif required; then
    fail "Lighthouse missing (required in CI)"
else
    say "SKIPPED Lighthouse's scores: npm install of lighthouse missing"
fi

# The report PDF (WeasyPrint, reports/pdf.py) needs Pango.
if ! $PY -c "import weasyprint" >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing Pango for WeasyPrint"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; } >/dev/null 2>&1
fi
if ! $PY -c "import weasyprint" >/dev/null 2>&1; then
    required && fail "WeasyPrint cannot load Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
    say "WARNING: WeasyPrint cannot load Pango; the report PDF tests will fail (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
fi

# Reports imported from Word: the tests write real .docx files with LibreOffice
# (tests/reports/word.py; Debian's libreoffice-writer-nogui).
if ! command -v soffice >/dev/null && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing LibreOffice Writer (the Word import tests write .docx files with it)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui; } >/dev/null 2>&1
fi
if ! command -v soffice >/dev/null; then
    required && fail "LibreOffice is missing (apt-get install libreoffice-writer-nogui)"
    say "SKIPPED Word import tests: LibreOffice is missing (apt-get install libreoffice-writer-nogui)"
fi

# veraPDF (Maven Central, services/verapdf/pom.xml) checks the report PDFs as PDF/UA-1.
if command -v java >/dev/null && command -v mvn >/dev/null; then
    services/verapdf.sh install || { required && fail "veraPDF could not be fetched from Maven Central"; }
fi
# ---------------------------------------------------------------------------

# 3. Static checks
.venv/bin/ruff check . || fail "ruff check"
.venv/bin/ruff format --check . || fail "ruff format --check"
services/lint.sh || fail "templates, stylesheets or scripts (services/lint.sh; services/lint.sh fix rewrites their layout)"
.venv/bin/lint-imports --no-cache || fail "lint-imports: an app imports a layer above it or a sibling (README, Architecture)"
DJANGO_SETTINGS_MODULE=config.settings.test $PY manage.py makemigrations --check --dry-run >/dev/null \
    || fail "models have changes without migrations (run: python manage.py makemigrations)"
SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(60))')" ALLOWED_HOSTS=example.org DJANGO_SETTINGS_MODULE=config.settings.production \
    $PY manage.py check --deploy --fail-level WARNING || fail "manage.py check --deploy"

# 4. Tests: the engine tests on Elasticsearch first (the shorter run), then the
# whole suite; each run's summary names its engine (tests/conftest.py).
es_status=0
if [ -n "$ELASTICSEARCH_URL" ]; then
    say "engine tests on Elasticsearch 7.10 ($ELASTICSEARCH_URL, elasticsearch7)"
    SEARCH_URL="$ELASTICSEARCH_URL" SEARCH_BACKEND=elasticsearch7 $PY -m pytest -m search_engine "$@"
    es_status=$?
    # Arguments that select no engine test leave this run nothing to do.
    if [ "$es_status" = "5" ]; then es_status=0; fi
    say "engine tests on Elasticsearch 7.10: $([ "$es_status" = 0 ] && echo passed || echo "FAILED (exit $es_status)")"
fi
say "the whole suite on ${SEARCH_BACKEND:-the database backend} (${SEARCH_URL:-no engine})"
$PY -m pytest "$@"
status=$?
if [ "$status" = "5" ]; then fail "pytest collected no tests"; fi
if [ "$es_status" != "0" ]; then fail "the engine tests failed on Elasticsearch 7.10 (exit $es_status)"; fi
exit "$status"
