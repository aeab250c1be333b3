from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, get_page_models

from editorial.absolute import absolute_url
from serving.pages import served_pages


def types_adding_urls():
    """The page types listing URLs of their own beside theirs (snippet indexes:
    a page per topic or person); the others' sitemap URL is the base page's."""
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract and model.get_sitemap_urls is not Page.get_sitemap_urls
    ]


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree only, which is the French
    one; readers of every language need theirs listed too. Its cost does not
    grow with the content: one query for the pages, one per page type that
    adds URLs (and what those read), not a query per page type for every page.

    Its items are the URLs, not the pages: a snippet index page adds one per
    topic or person, and the limit of a sitemap (SITEMAP_URL_LIMIT) counts URLs."""

    @property
    def limit(self):
        return settings.SITEMAP_URL_LIMIT

    def items(self):
        return self._entries

    @cached_property
    def _entries(self):
        """Every URL's entry ({"location", "lastmod", ...}), with the host the site is served at.
        Wagtail writes the host of the Site record; the sitemap, like the page heads,
        gives the host the site is served at (editorial.absolute)."""
        entries = []
        for page in self._pages():
            for url in page.get_sitemap_urls(self.request):
                parts = urlsplit(url["location"])
                url["location"] = absolute_url(self.request, parts.path + (f"?{parts.query}" if parts.query else ""))
                entries.append(url)
        return entries

    def get_latest_lastmod(self):
        last_mods = {entry.get("lastmod") for entry in self._entries}
        # None among them when a page was never published (imported content).
        return max(last_mods) if last_mods and None not in last_mods else None

    def _pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = Q()
        for root in roots:
            in_a_language_tree |= Q(path__startswith=root.path)
        pages = list(served_pages().filter(in_a_language_tree).live().public())
        specific = {}
        for model in types_adding_urls():
            content_type = ContentType.objects.get_for_model(model)
            pks = [page.pk for page in pages if page.content_type_id == content_type.pk]
            if pks:
                pages_of_type = list(model.objects.filter(pk__in=pks))
                if hasattr(model, "prefetch_sitemap"):
                    model.prefetch_sitemap(pages_of_type)
                specific.update((page.pk, page) for page in pages_of_type)
        return [specific.get(page.pk, page) for page in pages]

    def _urls(self, page, protocol, domain):
        urls = list(self.paginator.page(page).object_list)
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request, section=None):
    """`/sitemap.xml`: the sitemap, or past SITEMAP_URL_LIMIT URLs (search
    engines read at most 50,000 per file) a sitemap index of its pages
    (`/sitemap-pages.xml`, `?p=2`...), which robots.txt names the same way."""
    sitemaps = {"pages": AllLanguagesSitemap(request)}
    if section is None and sitemaps["pages"].paginator.num_pages > 1:
        return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap")
    return sitemap_views.sitemap(request, sitemaps, section=section)
