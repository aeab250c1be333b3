"""A reader's URL to its page: the request's site and the home page's
sections from the site-wide data; the levels below are routed by the pages
themselves (`serving.pages`)."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language
from wagtail.models import Locale, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.views import serve as wagtail_serve

from .sitewide import locale_for, sitewide
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
    """The site's root page in `language` when live, else the root page itself (as `Page.localized`)."""
    root = site.root_page
    locale = locale_for(language)
    translation = root.get_translation_or_none(locale) if locale and locale.pk != root.locale_id else None
    return (translation if translation is not None and translation.live else root).specific


def _route(home, request, parts):
    """The route from the home page, its sections (its children) taken from the
    cache: a page below a section costs the queries of the levels below it."""
    sections = sitewide("sections", lambda: _sections_of(home), home.pk)
    section = sections.get(parts[0]) if parts else None
    if section is None:
        return home.route(request, parts)
    set_parent(section, home)
    return section.route(request, parts[1:])


def _sections_of(home):
    """{slug: specific page} of the home page's children, with their locales (their URLs need them)."""
    sections = list(home.get_children().specific())
    locales = Locale.objects.in_bulk({section.locale_id for section in sections})
    for section in sections:
        section.locale = locales[section.locale_id]
    return {section.slug: section for section in sections}
