"""What every page type served to readers shares: a URL resolved one query
per level, each child loaded as its specific page, and the view restrictions
read from the site-wide data, by the pages and by their querysets' `public()`."""

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .sitewide import sitewide, view_restrictions
from .specific import specific_pages
from .tags import page_tag, shows
from .wagtail_compat import set_parent


class ServedPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, whose `public()` and `not_public()` read the view
    restrictions from the site-wide data instead of a query on each call."""

    def private_q(self):
        q = Q()
        for restriction in view_restrictions():
            q |= Q(path__startswith=restriction.page_path)
        return q if q else Q(pk__in=[])


ServedPageManager = PageManager.from_queryset(ServedPageQuerySet)


def served_pages():
    """Pages of any type (as `Page.objects`), through the project's queryset."""
    return ServedPageQuerySet(Page).order_by("path")


class _NotKept(Exception):
    def __init__(self, page):
        self.page = page


def _kept_if_live_and_public(page):
    if not page.live or page.get_view_restrictions():
        raise _NotKept(page)
    return page


class ServedPage(Page):
    """Abstract base of every page type served to readers: a URL resolved one
    query per level, the view restrictions read from the site-wide data, and
    the page's schema.org entity."""

    objects = ServedPageManager()

    class Meta:
        abstract = True

    # What the type's view reads besides its row, loaded when a reader's URL is
    # routed to a page of it (and kept with it: `kept_child`): relations
    # prefetched, and cached properties computed (snippets chosen in a
    # StreamField, which Wagtail pickles as their ids and would load again).
    view_prefetched = ()
    view_loaded = ()

    @classmethod
    def load_for_view(cls, pages):
        """Loads what the view of `pages` (of this type) reads besides their
        rows, when a reader's URL is routed to them: their `view_prefetched`
        and `view_loaded`."""
        if cls.view_prefetched:
            prefetch_related_objects(pages, *cls.view_prefetched)
        for page in pages:
            for name in cls.view_loaded:
                getattr(page, name)

    def ld_entity(self, context):
        """The page's schema.org entity (a dict) or None; `templates/base.html`
        renders it once, as JSON-LD. `context` is the page's template context."""
        return None

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = self.kept_child(path_components[0])
        set_parent(child, self)
        return child.route(request, path_components[1:])

    def kept_child(self, slug):
        """The live child at `slug` as `child_by_slug` finds it, kept with the
        site-wide data (entry `routed-page`) while it and what it loaded are
        unchanged. Keyed by its URL path: a parent's new slug, which rewrites
        its descendants' paths behind the ORM, routes to pages loaded again. A
        page not live is read every time (deleting a draft purges no tag, and
        a page published later at its slug would find it), and a private one
        (its content is kept nowhere, as its body is not)."""
        if not settings.BODY_CACHE_ENABLED:
            return self.child_by_slug(slug)
        url_path = f"{self.url_path}{slug}/"
        try:
            return sitewide("routed-page", lambda: _kept_if_live_and_public(self.child_by_slug(slug)), url_path)
        except _NotKept as not_kept:
            shows(page_tag(not_kept.page.pk))
            return not_kept.page

    def child_by_slug(self, slug, types=None):
        """The child page at `slug` as its specific page with its locale, in one
        query when it is of few `types` (by default those this page allows;
        Wagtail: two queries); else Http404."""
        children = self.get_children().filter(slug=slug).select_related("locale")
        found = specific_pages(children[:1], types or self.specific_class.allowed_subpage_models(), for_view=True)
        if not found:
            raise Http404
        return found[0]

    def get_view_restrictions(self):
        if self.alias_of_id:
            # An alias follows its source's restrictions: Wagtail's own walk.
            return super().get_view_restrictions()
        # The page's and its ancestors' restrictions, without walking the ancestors:
        # no query at all for a public page (an empty `pk__in`).
        ids = [r.pk for r in view_restrictions() if self.path.startswith(r.page_path)]
        return PageViewRestriction.objects.filter(pk__in=ids)
