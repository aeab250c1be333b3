"""The private Wagtail and Django attributes serving relies on, each in one
place; tests/serving/test_wagtail_compat.py fails if a release renames one.

- `request._wagtail_site`: `Site.find_for_request` keeps the request's site
  there and reads it back, so the site found from the cache is Wagtail's too.
- `request._wagtail_route_for_request`: `Page.route_for_request` keeps the
  route there; the route made from the cached sections is then Wagtail's.
- `page._cached_parent_obj`: treebeard's `get_parent` reads it; a routed page
  knows its parent without a query.
- Wagtail's cache of `Site.get_site_root_paths()` (its key and version):
  the site-wide sites fill it, which Wagtail computes in two queries.
- `instance._state.fields_cache`: Django's joined relations of an instance;
  a specific page takes those its base page was loaded with."""

from django.core.cache import cache
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION


def set_request_site(request, site):
    request._wagtail_site = site


def set_request_route(request, route):
    request._wagtail_route_for_request = route


def set_parent(page, parent):
    page._cached_parent_obj = parent


def routed_parent(page):
    """The parent given by `set_parent`, or None."""
    return getattr(page, "_cached_parent_obj", None)


def share_joined_relations(source, target):
    """What was joined to `source` (its locale, ...) comes with `target` too."""
    for name, value in source._state.fields_cache.items():
        target._state.fields_cache.setdefault(name, value)


def share_site_root_paths(root_paths):
    """Gives Wagtail the site root paths (as `Site.get_site_root_paths` keeps them, for an hour)."""
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, root_paths, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
