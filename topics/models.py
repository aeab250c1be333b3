from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from editorial.listing import LinkFilter, Listing
from editorial.related import date_sort_key


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A theme tying reports, events and news together. Each locale has its own
    name and slug, so topic URLs are localised."""

    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Utilisé dans l'adresse du thème ; unique dans chaque langue."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


class SnippetIndexPage(RoutablePageMixin, Page):
    """A page per language giving each translatable snippet of that language
    (topic, person) a page of its own at `<index URL><snippet slug>/`."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def url_for_locale(cls, locale_id, request=None):
        """URL of the live, public index page of `locale_id`, or "" when there is none.
        Remembered on the request so that links in a long list cost one query per language."""
        cache = getattr(request, "_snippet_index_urls", None) if request is not None else None
        if cache is None:
            cache = {}
            if request is not None:
                request._snippet_index_urls = cache
        key = (cls.__name__, locale_id)
        if key not in cache:
            page = cls.objects.live().public().filter(locale_id=locale_id).first()
            cache[key] = (page.get_url(request) or "") if page else ""
        return cache[key]

    @classmethod
    def snippet_url(cls, snippet, request=None):
        base = cls.url_for_locale(snippet.locale_id, request)
        return f"{base}{snippet.slug}/" if base and snippet.slug else ""

    def snippet_language_context(self, request, snippet):
        """`language_alternates` (the snippet's page in each language it exists in)
        and `canonical_url` for the base template."""
        alternates = {}
        for translation in snippet.get_translations(inclusive=True).select_related("locale"):
            url = self.snippet_url(translation, request)
            if url:
                alternates[translation.locale.language_code] = request.build_absolute_uri(url)
        return {
            "language_alternates": alternates,
            "canonical_url": request.build_absolute_uri(self.snippet_url(snippet, request)),
        }

    snippet_model = None

    def snippets_for_sitemap(self):
        return self.snippet_model.objects.filter(locale_id=self.locale_id)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            urls += [{"location": f"{base}{snippet.slug}/"} for snippet in self.snippets_for_sitemap()]
        return urls


def live_pages_of(locale_id):
    """The pages readers of a language may see: live, public, in that language."""
    return Page.objects.live().public().filter(locale_id=locale_id)


class TopicIndexPage(SnippetIndexPage):
    """The topics of a language (`/fr/themes/`, `/en/topics/`) and, below it,
    one page per topic gathering its reports, events and news."""

    snippet_model = Topic
    items_per_page = 20

    class Meta:
        verbose_name = _("index des thèmes")

    @path("")
    def topic_list(self, request):
        visible = live_pages_of(self.locale_id).values("pk")
        topics = Topic.objects.filter(locale_id=self.locale_id).annotate(
            item_count=Count("page_links__page", filter=Q(page_links__page__in=visible), distinct=True)
        )
        return self.render(request, context_overrides={"topics": topics})

    @path("<slug:slug>/")
    def topic_page(self, request, slug):
        topic = Topic.objects.filter(locale_id=self.locale_id, slug=slug).first()
        if topic is None:
            raise Http404
        pages = sorted(
            live_pages_of(self.locale_id).filter(page_topics__topic=topic).distinct().specific(),
            key=lambda page: (date_sort_key(page), page.pk),
            reverse=True,
        )
        counts = {}
        for page in pages:
            model = type(page)
            entry = counts.setdefault(model._meta.model_name, [model._meta.verbose_name_plural, 0])
            entry[1] += 1
        type_filter = LinkFilter(
            "type",
            _("Type de contenu"),
            [(key, f"{capfirst(label)} ({count})", key) for key, (label, count) in counts.items()],
            lambda items, key: [item for item in items if item._meta.model_name == key],
        )
        context = {
            "topic": topic,
            "total_count": len(pages),
            "listing": Listing(request, pages, filters=[type_filter], per_page=self.items_per_page),
            **self.snippet_language_context(request, topic),
        }
        return self.render(request, template="topics/topic_page.html", context_overrides=context)
