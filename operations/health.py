"""Health endpoints for load balancers and orchestrators.

`/healthz` says the process answers (no database, no cache: a worker stuck on
the database is still alive). `/readyz` says whether it can serve readers: the
database and the cache must answer; the search engine is reported but does not
make the server unready, since search falls back on the database when the
engine is away (taking every app server out of rotation for a search outage
would turn a degraded search into a down site). Neither names versions, hosts
or errors' details."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from operations.outage import database_unavailable, outage_met
from search.indexing import get_engine

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    answered = cache.get(key) == "1"
    cache.delete(key)
    return answered


def check_search():
    engine = get_engine()
    if engine is None:
        return "not configured"
    return "ok" if engine.es.ping() else "unavailable"


def outcome(check):
    try:
        return "ok" if check() else "unavailable"
    except Exception as error:
        if database_unavailable(error):
            # Probes ask every few seconds: an outage is logged once (operations.outage).
            outage_met(error)
            return "unavailable"
        logger.exception("readiness check %s failed", check.__name__)
        return "unavailable"


@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


# Probes answer whatever the host and cache hold (serving.routing).
healthz.serves_without_site = True


@never_cache
def readyz(request):
    report = {"database": outcome(check_database), "cache": outcome(check_cache)}
    try:
        report["search"] = check_search()
    except Exception:
        logger.exception("readiness check of the search engine failed")
        report["search"] = "unavailable"
    ready = report["database"] == "ok" and report["cache"] == "ok"
    response = JsonResponse({"ready": ready, **report}, status=200 if ready else 503)
    # Probes ask every few seconds: the outage behind a 503 is logged once where it is met.
    response._has_been_logged = not ready
    return response


readyz.serves_without_site = True
