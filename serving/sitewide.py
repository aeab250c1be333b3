"""Site-wide data: what many pages read and only an editor's change alters
(the site of a host name, locales, view restrictions, menus, a page's
"same subject" block, its rendered body...), computed once per change.

Each piece is an entry of `serving.registry`; it is kept in Django's cache
(shared by every worker on Redis) with the versions of its tags, and is
current while they are (`serving.tags`). Within a request each piece is read
once; the response gathers the tags of the content pieces it read."""

from dataclasses import dataclass
from operator import attrgetter

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

from . import tags
from .registry import ENTRIES, SITE
from .specific import specific_pages
from .wagtail_compat import share_site_root_paths

# Tags keep the data exact; the timeout bounds what a change made behind the
# ORM's back (raw SQL) leaves stale.
TIMEOUT = 60 * 60 * 24


def sitewide(name, compute, *parts, timeout=TIMEOUT):
    """The value of the registry entry `name` for `parts` (such as the
    language), computed by `compute()` when missing or out of date; `timeout`
    (seconds) bounds what time alone changes (an event becoming past)."""
    entry = ENTRIES[name]
    key = entry.key(parts)
    tags.shows(*entry.shown)
    memo = tags.memo()
    if memo is not None and key in memo:
        return tags.replayed(memo[key])
    depends_on = (SITE, *entry.tags)
    current = tags.versions(depends_on)
    stored = tags.cache().get(key)
    if stored is not None and stored[0] == current and None not in current.values() and _shown_current(stored):
        value = stored[1]
    else:
        # Versions read before computing: a purge meanwhile makes this value stale at once.
        current = tags.versions(depends_on, create=True)
        value = tags.recording(compute)
        # What it showed, as the page cache keeps a response's tags: versions after computing.
        shown = tags.versions(sorted(value[1]), create=True) if entry.checks_shown else {}
        tags.cache().set(key, (current, value, shown), timeout)
    if memo is not None:
        memo[key] = value
    return tags.replayed(value)


def kept_rendering(name, render, request, *parts, changes_with_time=False):
    """`render()` (what a page shows of other pages: a home section, a page of
    a list), kept as the entry `name` for `parts` unless `BODY_CACHE_ENABLED`
    is off or the request is a preview; for the page cache's timeout only
    when time alone changes it."""
    if not settings.BODY_CACHE_ENABLED or getattr(request, "is_preview", False):
        return render()
    timeout = settings.PAGE_CACHE_TIMEOUT if changes_with_time else TIMEOUT
    return sitewide(name, render, *parts, timeout=timeout)


def _shown_current(stored):
    shown = stored[2] if len(stored) > 2 else {}
    return not shown or tags.versions(list(shown)) == shown


@dataclass(frozen=True)
class Sites:
    """Every site (its root page and site settings joined), the translations of
    the root pages as their specific pages (`homes`), the children of those
    (`sections`, base pages) and the locales by language code."""

    sites: list
    homes: list
    sections: list
    locales: dict

    def site_for(self, hostname, port):
        """The site Wagtail's `get_site_for_hostname` finds, or None."""

        def rank(site):  # Wagtail's order: host and port, host and default, default, host
            return (0 if site.port == port else 1 if site.is_default_site else 3) if site.hostname == hostname else 2

        found = sorted((site for site in self.sites if site.hostname == hostname or site.is_default_site), key=rank)
        if len(found) == 1 or (found and rank(found[0]) < 2):
            return found[0]
        return found[len(found) == 2] if found and rank(found[0]) == 2 else None

    def home(self, site, language):
        """The site's root page in `language` when live, else the root page itself (as `Page.localized`)."""
        root = site.root_page
        homes = [home for home in self.homes if home.translation_key == root.translation_key]
        localized = [home for home in homes if home.locale.language_code == language and home.live]
        return next(iter(localized), None) or next(home for home in homes if home.pk == root.pk)

    def root_paths(self):
        """Wagtail's `Site.get_site_root_paths()`, in its order."""
        ordered = sorted(self.sites, key=attrgetter("hostname"))
        ordered.sort(key=lambda site: (site.root_page.url_path, site.is_default_site), reverse=True)
        return [
            SiteRootPath(site.pk, home.url_path, site.root_url, home.locale.language_code)
            for site in ordered
            for home in self.homes
            if home.translation_key == site.root_page.translation_key
        ]


def _load_sites():
    joined = [
        rel.get_accessor_name() for rel in Site._meta.related_objects if issubclass(rel.related_model, BaseSiteSetting)
    ]
    sites = list(Site.objects.select_related("root_page", *joined))
    roots = [site.root_page for site in sites]
    keys = {root.translation_key for root in roots}
    near_roots = Page.objects.filter(Q(translation_key__in=keys) | Q(depth__in={root.depth + 1 for root in roots}))
    pages = specific_pages(
        near_roots.select_related("locale").order_by("path"), {root.specific_class for root in roots}
    )
    homes = [page for page in pages if page.translation_key in keys]
    home_paths = {home.path for home in homes}
    locales = {home.locale.language_code: home.locale for home in homes}
    if not {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} <= locales.keys():
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
    loaded = Sites(sites, homes, [page for page in pages if page.path[: -Page.steplen] in home_paths], locales)
    share_site_root_paths(loaded.root_paths())
    return loaded


def sites():
    """The sites, their home pages and sections, and the locales: two queries for all of them."""
    return sitewide("sites", _load_sites)


def locale_for(language_code):
    """The Locale of `language_code`, or None."""
    return sites().locales.get(language_code)


def view_restrictions():
    """Every view restriction, with the path of its page as `page_path`, shallowest first."""

    def compute():
        restrictions = list(PageViewRestriction.objects.select_related("page").order_by("page__path"))
        for restriction in restrictions:
            restriction.page_path = restriction.page.path
        return restrictions

    return sitewide("view-restrictions", compute)


def is_public(page):
    """Whether no view restriction covers `page`."""
    return not page.path.startswith(tuple(restriction.page_path for restriction in view_restrictions()))
