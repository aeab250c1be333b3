"""One page of each type of the demo, per language: what the accessibility and
validity checks walk."""

import io

import pytest
from django.core.management import call_command

from events.models import EventPage
from home.models import StandardPage
from initiatives.models import InitiativePage
from news.models import NewsArticlePage
from people.models import PeopleIndexPage, Person
from reports.models import ReportPage
from topics.models import Topic, TopicIndexPage

SEARCH = {"fr": "/fr/recherche/?q=donn%C3%A9es", "en": "/en/search/?q=data"}
# The follow page: the subscription form, the feeds and the social networks the footer links to.
FOLLOW = {"fr": "/fr/lettre/", "en": "/en/newsletter/"}


@pytest.fixture
def demo(locales):
    call_command("load_demo", stdout=io.StringIO())


def _first(model, language):
    return model.objects.live().public().filter(locale__language_code=language).order_by("path").first()


def page_types(language):
    """{name: path} of one page of each type in `language`."""
    report = _first(ReportPage, language)
    event = _first(EventPage, language)
    article = _first(NewsArticlePage, language)
    initiative = _first(InitiativePage, language)
    topics = _first(TopicIndexPage, language)
    people = _first(PeopleIndexPage, language)
    topic = Topic.objects.filter(locale__language_code=language).order_by("pk").first()
    person = Person.objects.filter(locale__language_code=language, show_in_listings=True).order_by("pk").first()
    return {
        "home": f"/{language}/",
        "report-index": report.get_parent().url,
        "report": report.url,
        "event-index": event.get_parent().url,
        "event": event.url,
        "news-index": article.get_parent().url,
        "article": article.url,
        "initiative-index": initiative.get_parent().url,
        "initiative": initiative.url,
        "topic-index": topics.url,
        "topic": f"{topics.url}{topic.slug}/",
        "people-index": people.url,
        "person": f"{people.url}{person.slug}/",
        "standard": _first(StandardPage, language).url,
        "search": SEARCH[language],
        "follow": FOLLOW[language],
        "not-found": f"/{language}/nexiste-pas/",
    }


def every_page_type():
    """[(name, path)] in both languages."""
    return [(f"{language}-{name}", path) for language in ("fr", "en") for name, path in page_types(language).items()]
