"""Responses the same for every reader (robots.txt, the web manifest): the
session and language middleware add `Vary: Cookie, Accept-Language` to every
response that passes them, which splits each shared cache's copy by reader
and keeps browsers from reusing it across languages. The view says its
response depends on none of these; the middleware, placed before them (so it
sees the response after them), takes their Vary back."""

from functools import wraps

from django.utils.cache import cc_delim_re

READER_HEADERS = {"accept-language", "cookie"}


def same_for_every_reader(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.same_for_every_reader = True
        return response

    return wrapper


class SameForEveryReaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "same_for_every_reader", False) and response.has_header("Vary"):
            kept = [name for name in cc_delim_re.split(response["Vary"]) if name.lower() not in READER_HEADERS]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
