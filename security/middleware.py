import re

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

# C0 controls and DEL, except tab, line feed and carriage return, which
# multi-line fields legitimately send. PostgreSQL refuses NUL in text outright.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PermissionsPolicyMiddleware:
    """Django has no Permissions-Policy setting; every response gets ours."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def fields_with_control_characters(data):
    """Names of the fields (query parameters or form fields) that carry control characters."""
    return [
        CONTROL_CHARACTERS.sub("", key)
        for key in data
        if CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(v) for v in data.getlist(key))
    ]


def refusal(request, fields, posted):
    """The 400 page, styled like the site but built without the database (as
    the 500 page is): it says which fields to fix and links back to the form,
    where the browser's back button usually keeps what was typed."""
    path_is_clean = not CONTROL_CHARACTERS.search(request.path_info)
    context = {"fields": fields, "posted": posted, "back_url": request.path if posted and path_is_clean else None}
    return HttpResponseBadRequest(render_to_string("security/control_characters.html", context, request=request))


class ControlCharactersMiddleware:
    """Refuses a request whose path, query parameters or form fields carry
    control characters, before any view, search or database sees them: the one
    place where such input is handled, whatever the form or view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted = fields_with_control_characters(request.POST) if request.method == "POST" else []
        if posted:
            return refusal(request, posted, posted=True)
        in_query = fields_with_control_characters(request.GET)
        if in_query or CONTROL_CHARACTERS.search(request.path_info):
            return refusal(request, in_query, posted=False)
        return self.get_response(request)
