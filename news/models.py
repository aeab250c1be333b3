"""News: articles with an author or a byline and a credited source, under one
index page per language with topic and year filters and RSS/Atom feeds."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.absolute import absolute_url
from editorial.blocks import BodyBlock
from editorial.cards import Card
from editorial.feeds import feed_response
from editorial.institute import institute_json_ld
from editorial.listing import Listing, mark_empty_options, topic_filter, year_filter
from editorial.models import EditorialPage, SectionIndexPage
from editorial.url_words import LocalizedRoutesMixin, localized_path


class NewsIndexPage(LocalizedRoutesMixin, SectionIndexPage):
    """The news of one language: newest first, filtered by topic and year, with feeds."""

    subpage_types = ["news.NewsArticlePage"]
    per_page = 12

    class Meta:
        verbose_name = _("index des actualités")
        verbose_name_plural = pgettext_lazy("pluriel", "index des actualités")

    def articles(self):
        return NewsArticlePage.objects.live().public().child_of(self).filter(locale_id=self.locale_id)

    @path("")
    def article_list(self, request):
        articles = self.articles()
        listing = Listing(
            request,
            articles.select_related("author").defer_streamfields().order_by("-date", "-pk"),
            filters=[topic_filter(articles, self.locale_id), year_filter(articles, "date")],
            per_page=self.per_page,
            cache_key=f"page-{self.pk}",
        )
        mark_empty_options(listing, articles)
        return self.render(request, context_overrides={"listing": listing})

    @localized_path("{feed}/rss/", name="rss")
    def rss(self, request):
        return feed_response(request, self, NewsArticlePage, "rss", order_by="-date")

    @localized_path("{feed}/atom/", name="atom")
    def atom(self, request):
        return feed_response(request, self, NewsArticlePage, "atom", order_by="-date")


class NewsArticlePage(EditorialPage):
    # Indexed: the newest articles come from a walk down the index, not a sort of every article.
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("La date affichée sur l'article ; elle ordonne les actualités."),
    )
    author = models.ForeignKey(
        "people.Person",
        verbose_name=_("auteur ou autrice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
        help_text=_("Choisissez une personne, ou créez-la depuis le sélecteur."),
    )
    byline = models.CharField(
        _("signature"),
        max_length=200,
        blank=True,
        help_text=_("Quand l'article n'est pas signé par une personne de la base, par exemple « La rédaction »."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("corps du texte"))
    body_field = "body"

    source_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("publication (organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le journal ou le site qui a publié l'article cité, s'il est dans la base des organisations."),
    )
    source_name = models.CharField(
        _("publication (texte)"),
        max_length=200,
        blank=True,
        help_text=_("Si la publication n'est pas une organisation de la base."),
    )
    source_title = models.CharField(
        _("titre original"), max_length=300, blank=True, help_text=_("Le titre de l'article cité, tel quel.")
    )
    source_url = models.URLField(
        _("adresse de l'article original"),
        max_length=500,
        blank=True,
        help_text=_("Le lien vers l'article cité, commençant par https://."),
    )
    source_date = models.DateField(_("date de l'article original"), null=True, blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("date"),
            MultiFieldPanel(
                [FieldPanel("author"), FieldPanel("byline")],
                heading=_("Auteur"),
                help_text=_("Une personne de la base ou une signature."),
            ),
        ]
        + EditorialPage.editorial_panels
        + [
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("source_organisation"), FieldPanel("source_name")]),
                    FieldPanel("source_title"),
                    FieldRowPanel([FieldPanel("source_url"), FieldPanel("source_date")]),
                ],
                heading=_("Source citée"),
                help_text=_("Affichée sous l'article : « Source : publication, titre, date »."),
            ),
        ]
        + EditorialPage.related_panels
    )
    translatable_fields = EditorialPage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("author"),
        TranslatableField("byline"),
        TranslatableField("body"),
        TranslatableField("source_organisation"),
        SynchronizedField("source_name"),
        SynchronizedField("source_title"),
        SynchronizedField("source_url"),
        SynchronizedField("source_date"),
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def clean(self):
        super().clean()
        errors = {}
        if self.author_id and self.byline:
            errors["byline"] = _("Choisissez une personne ou une signature, pas les deux.")
        if self.source_organisation_id and self.source_name:
            errors["source_name"] = _("Choisissez une organisation ou un nom de publication, pas les deux.")
        has_publication = self.source_organisation_id or self.source_name
        if (self.source_title or self.source_url or self.source_date) and not has_publication:
            errors["source_name"] = _("Indiquez la publication d'où vient la source.")
        if errors:
            raise ValidationError(errors)

    listing_date_field = "date"
    view_related = EditorialPage.view_related + ("author", "source_organisation")

    @property
    def listing_date(self):
        return self.date

    @property
    def source_publication(self):
        if self.source_organisation_id:
            return self.source_organisation.name
        return self.source_name

    @property
    def author_name(self):
        return self.author.name if self.author_id else self.byline

    def card_meta(self, request):
        return Card(
            title=self.title,
            url=self.get_url(request),
            eyebrow=(self.type_label,),
            day=self.date,
            byline=(self.author_name,) if self.author_name else (),
            summary=self.summary,
            modifier="article-card",
        )

    def ld_entity(self, context):
        return self.jsonld(context["request"])

    def jsonld(self, request):
        """schema.org NewsArticle, for search engines."""
        from people.models import PeopleIndexPage

        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": absolute_url(request, self.get_url(request)),
            "publisher": institute_json_ld(request),
            "about": [{"@type": "Thing", "name": topic.name} for topic in self.topics],
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.author_id:
            author = {"@type": "Person", "name": self.author.name}
            url = PeopleIndexPage.snippet_url(self.author, request)
            if url:
                author["url"] = absolute_url(request, url)
            data["author"] = author
        elif self.byline:
            data["author"] = {"@type": "Organization", "name": self.byline}
        if self.cover_image_id:
            rendition = self.cover_image.get_rendition("fill-1200x630")
            data["image"] = absolute_url(request, rendition.url)
        if self.source_url:
            data["isBasedOn"] = self.source_url
        return data
