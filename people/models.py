from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.cards import Card
from editorial.snippet_index import SnippetIndexPage, SourceReviewMixin
from serving.sitewide import locale_for

from .contributions import PersonContributions
from .directory import PeopleList
from .jsonld import person_json_ld


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A body people belong to or events are organised by; entered once, reused."""

    name = models.CharField(_("nom"), max_length=200)
    acronym = models.CharField(
        _("sigle"),
        max_length=30,
        blank=True,
        help_text=_("Affiché à la place du nom quand la place manque, par exemple « CNIL »."),
    )
    website = models.URLField(_("site web"), blank=True, help_text=_("Commençant par https://."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Affiché parmi les partenaires ; de préférence sur fond transparent."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    # A name is kept in translations (it counts as nothing to translate); the
    # translator may still give an English name ("European Commission").
    translatable_fields = [
        SynchronizedField("name", overridable=True),
        SynchronizedField("acronym"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym != self.name else self.name

    @property
    def short_name(self):
        return self.acronym or self.name


class Person(
    SourceReviewMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """Anyone who writes, speaks or moderates: staff and external speakers alike.
    Readers see the published version only; a French change waits for review."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, help_text=_("Utilisé dans l'adresse de la page de la personne."))
    role = models.CharField(
        _("fonction"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « délégué général »."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("Affichée après sa fonction ; créez-la depuis le sélecteur si elle n'existe pas encore."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Un portrait carré, avec l'accord de la personne ; vide : ses initiales."),
    )
    bio = models.TextField(
        _("courte biographie"), blank=True, help_text=_("Trois ou quatre phrases, affichées sur sa page.")
    )
    is_staff_member = models.BooleanField(
        _("membre de l'équipe"),
        default=False,
        help_text=_("Cochez pour les membres de notre équipe."),
    )
    show_in_listings = models.BooleanField(
        _("afficher dans les listes"),
        default=True,
        help_text=_("Décochez pour retirer cette personne des listes (sa page reste accessible)."),
    )

    panels = [
        TitleFieldPanel("name", placeholder=False, classname=""),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("role"),
                FieldPanel("organisation"),
                FieldPanel("is_staff_member"),
            ],
            heading=_("Fonction"),
        ),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("show_in_listings"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("photo"),
        TranslatableField("bio"),
        SynchronizedField("is_staff_member"),
        SynchronizedField("show_in_listings"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("show_in_listings"),
        # Only published people are searched (search.indexing.people_with_page).
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_person_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def link(self, request):
        """{"url", "language"} of the person's page: theirs, or, while it is not
        published (a translation made with the page and not yet reviewed), the
        published one of the source language, then of any language. `language` is
        set when the page is not in the reader's language (the link's `hreflang`);
        the url is "" when no version is published or its language has no people
        index page, so that no link leads to a 404."""
        shown = self
        if not self.live:
            translations = self.get_translations().filter(live=True).select_related("locale")
            by_language = {translation.locale.language_code: translation for translation in translations}
            shown = by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()), None)
        if shown is None:
            return {"url": "", "language": None}
        # The reader's own locale from the site-wide data: no query per person listed.
        reader_locale = locale_for(get_language())
        in_reader_language = reader_locale is not None and shown.locale_id == reader_locale.pk
        return {
            "url": PeopleIndexPage.snippet_url(shown, request),
            "language": None if in_reader_language else shown.locale.language_code,
        }

    def card_meta(self, request):
        link = self.link(request)
        if self.role and self.organisation:
            meta_text = f"{self.role}, {self.organisation.short_name}"
        else:
            meta_text = self.role or (self.organisation.short_name if self.organisation else "")
        return Card(
            title=self.name,
            url=link["url"],
            hreflang=link["language"] or "",
            meta_text=meta_text,
            portrait=self.photo,
            modifier="person-card",
        )


class PeopleIndexPage(SnippetIndexPage):
    """The people of a language (`/fr/personnes/`, `/en/people/`) and, below it,
    one page per person listing their reports, sessions and articles. People
    hidden from listings keep their page but are left out of the list."""

    snippet_model = Person
    people_per_page = 24

    class Meta:
        verbose_name = _("index des personnes")
        verbose_name_plural = pgettext_lazy("pluriel", "index des personnes")

    @classmethod
    def snippets_for_sitemap(cls):
        return super().snippets_for_sitemap().filter(show_in_listings=True)

    def ld_entity(self, context):
        """The schema.org `Person` of a person's page; the list has none."""
        person = context.get("person")
        if person is None:
            return None
        request = context["request"]
        return person_json_ld(person, request, self.snippet_url(person, request))

    @path("")
    def person_list(self, request):
        people = Person.objects.filter(locale_id=self.locale_id, live=True, show_in_listings=True)
        context = {"people": PeopleList(request, self, people, self.people_per_page)}
        return self.render(request, context_overrides=context)

    @path("<slug:slug>/")
    def person_page(self, request, slug):
        person = (
            Person.objects.filter(locale_id=self.locale_id, live=True, slug=slug)
            .select_related("organisation", "photo")
            .prefetch_related("photo__renditions")
            .first()
        )
        if person is None:
            raise Http404
        context = {
            "person": person,
            "contributions": PersonContributions(request, person),
            **self.snippet_language_context(request, person),
        }
        return self.render(request, template="people/person_page.html", context_overrides=context)
