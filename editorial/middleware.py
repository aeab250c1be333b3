"""The request's site and route from the site-wide cache (`editorial.sitewide`)."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Locale, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.views import serve as wagtail_serve

from .sitewide import save_pending, sitewide


class CachedSiteMiddleware:
    """Gives Wagtail the request's site from the cache and, for a page URL, routes
    it from the cached home page of the reader's language (Wagtail looks up the
    home page's translation and specific page on every request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        save_pending()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Here rather than in __call__: a request refused by an earlier middleware,
        # or a view that marks itself `serves_without_site` (health probes), costs
        # no lookup at all.
        if getattr(view_func, "serves_without_site", False):
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def compute():
            try:
                return get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                return False

        # Not in the database's snapshot: host names are the requests' to choose (within ALLOWED_HOSTS).
        site = request._wagtail_site = sitewide(f"site:{hostname}:{port}", compute, persist=False) or None
        if view_func is not wagtail_serve or site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        home = sitewide(f"home:{site.pk}:{get_language()}", lambda: site.root_page.localized.specific)
        parts = [part for part in path.split("/") if part]
        # As `Page.route_for_request`, which then finds the route already made.
        try:
            request._wagtail_route_for_request = _route(home, request, parts)
        except Http404:
            request._wagtail_route_for_request = None
        return None


def _route(home, request, parts):
    """The route from the home page, its sections (its children) taken from the
    cache: a page below a section costs the queries of the levels below it."""
    sections = sitewide(f"sections:{home.pk}", lambda: _sections_of(home))
    section = sections.get(parts[0]) if parts else None
    if section is None:
        return home.route(request, parts)
    section._cached_parent_obj = home
    return section.route(request, parts[1:])


def _sections_of(home):
    """{slug: specific page} of the home page's children, with their locales (their URLs need them)."""
    sections = list(home.get_children().specific())
    locales = Locale.objects.in_bulk({section.locale_id for section in sections})
    for section in sections:
        section.locale = locales[section.locale_id]
    return {section.slug: section for section in sections}
