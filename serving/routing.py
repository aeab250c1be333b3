"""A reader's URL to its page: the request's site and the home page's
sections from the site-wide data; the levels below are routed by the pages
themselves (`serving.pages`)."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from .pages import ServedPage
from .sitewide import sites, sitewide
from .wagtail_compat import set_parent, set_request_route, set_request_site


class CachedSiteMiddleware(MiddlewareMixin):
    """Gives Wagtail the request's site from the cache and, for a page URL, routes
    it from the cached home page of the reader's language (Wagtail looks up the
    home page's translation and specific page on every request)."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Here rather than in __call__: a request refused by an earlier middleware,
        # or a view that marks itself `serves_without_site` (health probes), costs
        # no lookup at all.
        if getattr(view_func, "serves_without_site", False):
            return None
        known = sites()
        site = known.site_for(split_domain_port(request._get_raw_host())[0], request.get_port())
        set_request_site(request, site)
        if view_func is not wagtail_serve or site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        home = known.home(site, get_language())
        parts = [part for part in path.split("/") if part]
        # As `Page.route_for_request`, which then finds the route already made.
        try:
            set_request_route(request, _route(home, request, parts, known.sections))
        except Http404:
            set_request_route(request, None)
        return None


def _section(home, slug, sections):
    """The child of `home` at `slug` as its specific page, in one query: its type is known."""
    types = [page.specific_class for page in sections if page.slug == slug and page.path[: -Page.steplen] == home.path]
    if not types:
        raise Http404
    return home.child_by_slug(slug, types)


def _route(home, request, parts, sections):
    """The route from the home page, its sections (its children) taken from the
    cache: a page below a section costs the queries of the levels below it."""
    if not parts or not isinstance(home, ServedPage):
        return home.route(request, parts)
    # A slug that is no section raises Http404 before anything is stored.
    section = sitewide("section", lambda: _section(home, parts[0], sections), home.pk, parts[0])
    set_parent(section, home)
    return section.route(request, parts[1:])
