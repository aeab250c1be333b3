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


def has_control_characters(data):
    return any(
        CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(v) for v in data.getlist(key)) for key in data
    )


class ControlCharactersMiddleware:
    """Refuses a request whose path, query parameters or form fields carry
    control characters, before any view, search or database sees them: the one
    place where such input is handled, whatever the form or view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            CONTROL_CHARACTERS.search(request.path_info)
            or has_control_characters(request.GET)
            or (request.method == "POST" and has_control_characters(request.POST))
        ):
            return HttpResponseBadRequest(render_to_string("security/control_characters.html", request=request))
        return self.get_response(request)
