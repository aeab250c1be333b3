"""Absolute URLs for what leaves the site (sitemap, Open Graph, JSON-LD, feeds).

They are built from the request: its host is the one the reader or crawler
used and Django has checked against ALLOWED_HOSTS, and its scheme follows
SECURE_PROXY_SSL_HEADER behind a TLS proxy. Wagtail's `Site` root URL is only
right if an editor typed the public host and port in Settings → Sites (the
demo's `localhost:80` is not where `make run` serves), so it is not used here."""


def absolute_url(request, url):
    """`url` (a path, or already a full URL) as an absolute URL; "" when empty."""
    if not url:
        return ""
    if request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)
