from urllib.parse import urlsplit

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from editorial.absolute import absolute_url


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree only, which is the French
    one; readers of every language need theirs listed too."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = Q()
        for root in roots:
            in_a_language_tree |= Q(path__startswith=root.path)
        return Page.objects.filter(in_a_language_tree).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Wagtail writes the host of the Site record; the sitemap, like the
        # page heads, gives the host the site is served at (editorial.absolute).
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = absolute_url(self.request, parts.path + (f"?{parts.query}" if parts.query else ""))
        return urls
