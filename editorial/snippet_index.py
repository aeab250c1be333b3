"""The generic index page of a translatable snippet (topic, person): one page
per language, and below it a page per snippet at `<index URL><snippet slug>/`."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import ModelLogEntry

from serving.pages import served_pages
from serving.tags import object_tag, shows_instead

from .models import SectionIndexPage


class SnippetIndexPage(RoutablePageMixin, SectionIndexPage):
    """A page per language giving each translatable snippet of that language
    (topic, person) a page of its own at `<index URL><snippet slug>/`."""

    subpage_types = []

    class Meta:
        abstract = True

    @classmethod
    def snippet_url(cls, snippet, request=None):
        base = cls.url_for_locale(snippet.locale_id, request)
        return f"{base}{snippet.slug}/" if base and snippet.slug else ""

    def snippet_language_context(self, request, snippet):
        """`language_alternates` (the snippet's page in each language it exists in)
        and `canonical_url` for the base template."""
        alternates = {}
        translations = list(snippet.get_translations(inclusive=True).filter(live=True).select_related("locale"))
        # The response shows each version's address (a change to any purges it), not the index's list.
        shows_instead(self.pk, *(object_tag(type(translation), translation.pk) for translation in translations))
        for translation in translations:
            url = self.snippet_url(translation, request)
            if url:
                alternates[translation.locale.language_code] = request.build_absolute_uri(url)
        return {
            "language_alternates": alternates,
            "canonical_url": request.build_absolute_uri(self.snippet_url(snippet, request)),
        }

    snippet_model = None

    @classmethod
    def snippets_for_sitemap(cls):
        """The snippets with a page of their own, in every language."""
        return cls.snippet_model.objects.filter(live=True)

    @classmethod
    def prefetch_sitemap(cls, pages):
        """Read the snippets of the index `pages` (of this type, any language) and
        their last edits for get_sitemap_urls(): two queries for all of them."""
        snippets = list(cls.snippets_for_sitemap().filter(locale_id__in={page.locale_id for page in pages}))
        edited = last_edits(snippets)
        for page in pages:
            page.sitemap_snippets = ([s for s in snippets if s.locale_id == page.locale_id], edited)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            if not hasattr(self, "sitemap_snippets"):
                self.prefetch_sitemap([self])
            snippets, edited = self.sitemap_snippets
            # A snippet never edited in the admin (loaded by code) dates from its index page.
            published = self.last_published_at or self.latest_revision_created_at
            urls += [
                {"location": f"{base}{snippet.slug}/", "lastmod": edited.get(str(snippet.pk), published)}
                for snippet in snippets
            ]
        return urls


def live_pages_of(locale_id):
    """The pages readers of a language may see: live, public, in that language."""
    return served_pages().live().public().filter(locale_id=locale_id)


def last_edits(snippets):
    """{str(pk): time of the last admin action} of `snippets` (one query), from Wagtail's history."""
    if not snippets:
        return {}
    content_type = ContentType.objects.get_for_model(snippets[0])
    entries = (
        ModelLogEntry.objects.filter(content_type=content_type, object_id__in=[str(s.pk) for s in snippets])
        .values("object_id")
        .annotate(last=Max("timestamp"))
    )
    return {entry["object_id"]: entry["last"] for entry in entries}


class SourceReviewMixin:
    """For a translatable snippet with a workflow: changes to the source
    language go through review, as pages do; translations are published by
    the translators who make them (like English pages, which have no workflow)."""

    def get_workflow(self):
        if self.locale_id and self.locale.language_code != settings.LANGUAGE_CODE:
            return None
        return super().get_workflow()
