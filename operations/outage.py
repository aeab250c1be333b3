"""What readers get while PostgreSQL does not answer: a 503 with Retry-After
and a short maintenance page in their language, rendered without the database,
instead of the 500 page (docs/production.md, "Outages"). Varnish meanwhile
serves the copies it holds (deploy/varnish/default.vcl)."""

import sys

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


def database_unavailable(error):
    """Whether `error` says the database cannot be reached or dropped the
    connection (refused, restarting, terminated), rather than a bug of ours."""
    return isinstance(error, (OperationalError, InterfaceError))


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
    if database_unavailable(sys.exc_info()[1]):
        return maintenance_response(request)
    return defaults.server_error(request)
