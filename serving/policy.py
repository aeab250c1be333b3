"""What kind of response this is, and the Cache-Control each kind gets: a
public page briefly for browsers, until a purge for Varnish and the page
cache; feeds, calendars and the sitemap longer; search results revalidated
(no purge can name their URLs); anything personal never stored."""

from django.urls import reverse

PAGE = "page"
FEED = "feed"
SEARCH = "search"
PRIVATE = "private"

CACHE_CONTROL = {
    PAGE: "public, max-age=60, stale-while-revalidate=300",
    FEED: "public, max-age=900, stale-while-revalidate=3600",
    SEARCH: "private, no-cache",
    PRIVATE: "private, no-store",
}
STORED_KINDS = {PAGE, FEED}
# Kinds a browser or a proxy may revalidate (ETag, Last-Modified, 304).
VALIDATED_KINDS = {PAGE, FEED, SEARCH}

FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "text/calendar", "application/xml")
# Views that are not Wagtail pages, by URL name.
VIEW_KINDS = {"sitemap": FEED, "search": SEARCH, "search_api": SEARCH, "search_suggest": SEARCH}


def is_admin(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


def is_personal(request, response):
    """A response that belongs to one reader and must not be stored."""
    user = getattr(request, "user", None)
    return (
        request.method not in ("GET", "HEAD")
        or is_admin(request)
        or getattr(request, "is_preview", False)
        or (user is not None and user.is_authenticated)
        or bool(response.cookies)
    )


def kind_of(request, response):
    """The kind of `response`, or None for responses left as their view made them
    (errors, redirects, documents, static files)."""
    if is_personal(request, response):
        return PRIVATE
    page = getattr(request, "page_cache_page", None)
    if page is not None:
        if page.get_view_restrictions().exists():
            return PRIVATE
        if response.status_code != 200:
            return None
        return FEED if response.get("Content-Type", "").startswith(FEED_CONTENT_TYPES) else PAGE
    match = getattr(request, "resolver_match", None)
    kind = VIEW_KINDS.get(match.url_name) if match else None
    if kind is not None and response.status_code != 200:
        return None
    return kind
