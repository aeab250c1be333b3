"""Page factories, one per page type (wagtail_factories), and the page helpers
every app's tests share.

A page is created under `parent`, in its locale, saved with a revision as the
admin saves it, and published unless `live=False`. Editorial pages take their
topics as `topics=[…]` (reports their authors as `by=[…]`), in the order
an editor sets them; their English versions come from `translated`."""

import datetime

import factory
import wagtail_factories
from wagtail.models import PageViewRestriction

from editorial.localize import translate
from editorial.models import PageTopic
from events.models import EventIndexPage, EventPage
from home.models import StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage
from reports.models import ReportAuthor, ReportIndexPage, ReportPage
from topics.models import TopicIndexPage


class PageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(page, create, extracted, **kwargs):
        if create:
            revision = page.save_revision()
            if page.live:
                revision.publish()


def in_order(model, field, parameter):
    """The inline rows (`PageTopic`, `ReportAuthor`) of the objects a factory got
    as `parameter`, in the order given, as the admin's formset numbers them."""
    return factory.LazyAttribute(
        lambda page: [
            model(**{field: value}, locale=page.parent.locale, sort_order=number)
            for number, value in enumerate(getattr(page, parameter))
        ]
    )


class EditorialPageFactory(PageFactory):
    class Meta:
        abstract = True

    class Params:
        topics = ()

    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}.")
    page_topics = in_order(PageTopic, "topic", "topics")


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Introduction"


class TopicIndexPageFactory(PageFactory):
    class Meta:
        model = TopicIndexPage

    title = "Thèmes"
    slug = "themes"


class PeopleIndexPageFactory(PageFactory):
    class Meta:
        model = PeopleIndexPage

    title = "Personnes"
    slug = "personnes"


class ReportIndexPageFactory(PageFactory):
    class Meta:
        model = ReportIndexPage

    title = "Rapports"
    slug = "rapports"


class ReportPageFactory(EditorialPageFactory):
    class Meta:
        model = ReportPage

    class Params:
        by = ()

    title = factory.Sequence(lambda n: f"Rapport {n}")
    publication_date = datetime.date(2025, 10, 23)
    authors = in_order(ReportAuthor, "person", "by")


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Actualités"
    slug = "actualites"


class NewsArticlePageFactory(EditorialPageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    date = datetime.date(2025, 2, 10)
    body = factory.LazyAttribute(lambda page: [("paragraph", f"<p>Texte de {page.title}.</p>")])


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Événements"
    slug = "evenements"


class EventPageFactory(EditorialPageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Événement {n}")
    event_format = "summit"


class InitiativeIndexPageFactory(PageFactory):
    class Meta:
        model = InitiativeIndexPage

    title = "Initiatives"
    slug = "initiatives"


class InitiativePageFactory(EditorialPageFactory):
    class Meta:
        model = InitiativePage

    title = factory.Sequence(lambda n: f"Initiative {n}")
    status = "open"


def translated(page, language_code="en", strings=None, **changes):
    """The `language_code` version of `page`, made through wagtail-localize as a
    translator makes it (`editorial.localize.translate`) and published: each text
    field named in `changes` gets its given value, each source text in `strings`
    (rich text, blocks) its translation; every other text stays the source's."""
    strings = dict(strings or {})
    for name, value in changes.items():
        strings[str(getattr(page, name))] = value
    return translate(page, strings, language_code)


def make_private(page, restriction_type=PageViewRestriction.PASSWORD, password="secret"):
    """`page` (and its subtree) behind a password, or a login with
    `restriction_type=PageViewRestriction.LOGIN`, as the admin's privacy dialog sets it."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password if restriction_type == "password" else ""
    )
    return page
