"""What readers get while PostgreSQL does not answer: a 503 with Retry-After
and a short maintenance page in their language, rendered without the database,
instead of the 500 page (docs/production.md, "Outages"). Varnish meanwhile
serves the copies it holds (deploy/varnish/default.vcl).

The log says when an outage starts and when it ends, once each per process,
not once per reader (the cache's guard does the same, serving/backends.py)."""

import logging
import sys
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults

from security.middleware import posted_data

# Seconds after which a reader's browser or a crawler may try again: a
# restart or a failover of PostgreSQL takes about that long.
RETRY_AFTER_SECONDS = 30
# Fields a page sends back to the reader's browser only in the form they typed
# them in: never a password.
NEVER_SENT_BACK = ("password",)

logger = logging.getLogger(__name__)
_outage = {"since": None}


def database_unavailable(error):
    """Whether `error` says the database cannot be reached or dropped the
    connection (refused, restarting, terminated), rather than a bug of ours."""
    return isinstance(error, (OperationalError, InterfaceError))


def outage_met(error):
    """Logs the outage the first time this process meets it."""
    if _outage["since"] is None:
        _outage["since"] = time.monotonic()
        logger.error(
            "The database (PostgreSQL) does not answer: readers get the maintenance page until it does.",
            exc_info=error,
        )


def database_answered(sender, connection, **kwargs):
    """`connection_created`: a connection made after an outage ends it."""
    if _outage["since"] is not None:
        logger.warning("The database (PostgreSQL) answers again, after %.0f s.", time.monotonic() - _outage["since"])
        _outage["since"] = None


def maintenance_response(request):
    language = translation.get_language_from_request(request, check_path=True)
    posted = posted_data(request) if request.method == "POST" else None
    fields = [
        (name, value)
        for name, values in (posted.lists() if posted is not None else [])
        if not any(word in name.lower() for word in NEVER_SENT_BACK)
        for value in values
    ]
    context = {"posted": request.method == "POST", "fields": fields, "action": request.path}
    # No request in the context: the context processors (menus, settings, the user) would query.
    with translation.override(language):
        response = HttpResponse(render_to_string("operations/maintenance.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """Django's `handler500`: the maintenance page when the database is away,
    the 500 page otherwise."""
    error = sys.exc_info()[1]
    if database_unavailable(error):
        outage_met(error)
        response = maintenance_response(request)
        # Django's own log line for every 5xx is skipped: the outage is logged once.
        response._has_been_logged = True
        return response
    return defaults.server_error(request)
