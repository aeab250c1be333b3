"""gzip for what the app servers render when nothing in front of them
compresses (`make run`, a lone gunicorn): pages, feeds, JSON, the manifest.

Images, fonts and PDFs are compressed formats already: gzip would cost CPU for
nothing and add `Vary: Accept-Encoding` to responses every cache should share.
Static files never get here: whitenoise, before this middleware, answers them
with the `.br`/`.gz` copies `collectstatic` wrote in production.

BREACH (a secret in a compressed page that also reflects the reader's input):
the pages with a form carry Django's CSRF token, which is masked anew in each
response, and Django's gzip adds up to 100 random bytes to every response (the
"Heal the Breach" mitigation), so they are compressed like the rest."""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/ld+json",
    "application/javascript",
    "image/svg+xml",
)


class TextCompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
