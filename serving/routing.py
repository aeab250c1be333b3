"""A reader's URL to its page: the request's site and the home page's
sections from the site-wide data; the levels below are routed by the pages
themselves (`serving.pages`)."""

from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.views import serve as wagtail_serve

from .pages import ServedPage
from .sitewide import sitewide
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
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def compute():
            try:
                return get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                return False

        site = sitewide("site", compute, hostname, port) or None
        set_request_site(request, site)
        if view_func is not wagtail_serve or site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        language = get_language()
        home = sitewide("home", lambda: _home(site, language), site.pk, language)
        parts = [part for part in path.split("/") if part]
        # As `Page.route_for_request`, which then finds the route already made.
        try:
            set_request_route(request, _route(home, request, parts))
        except Http404:
            set_request_route(request, None)
        return None


def _home(site, language):
    """The site's root page in `language` when live, else the root page itself (as `Page.localized`),
    as its specific page with its locale, in one query."""
    root = site.root_page
    translations = root.specific_class.objects.filter(translation_key=root.translation_key)
    home = translations.filter(Q(live=True) | Q(pk=root.pk), locale__language_code=language).select_related("locale")
    return home.first() or root.specific


def _route(home, request, parts):
    """The route from the home page, its sections (its children) taken from the
    cache: a page below a section costs the queries of the levels below it."""
    if not parts or not isinstance(home, ServedPage):
        return home.route(request, parts)
    # A slug that is no section raises Http404 before anything is stored.
    section = sitewide("section", lambda: home.child_by_slug(parts[0]), home.pk, parts[0])
    set_parent(section, home)
    return section.route(request, parts[1:])
