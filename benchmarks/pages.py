"""The pages a benchmark times: one URL per page type and language, taken from
the generated corpus where the type has generated pages, and the last page of
each paginated list."""

import re

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from events.models import EventFormat, EventIndexPage, EventPage, OurRole
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, Person
from reports.models import ReportIndexPage, ReportPage
from topics.models import Topic, TopicIndexPage

from .corpus import SLUG_PREFIX

SEARCH_WORDS = {"fr": "intelligence artificielle", "en": "artificial intelligence"}


def generated_first(model, locale, **filters):
    """A generated page of `model` matching `filters`, else the demo's."""
    pages = model.objects.live().public().filter(locale=locale, **filters)
    return pages.filter(slug__startswith=SLUG_PREFIX) or pages


def first_url(queryset):
    page = queryset.order_by("pk").first()
    return page.url if page else None


def page_types(language):
    """[(page type, URL path)] for `language`, skipping types the site lacks."""
    locale = Locale.objects.get(language_code=language)
    live = {"locale": locale}
    topic = Topic.objects.filter(locale=locale).order_by("pk").first()
    person = Person.objects.filter(locale=locale, report_authorships__isnull=False).order_by("pk").first()
    with translation.override(language):
        search = f"{reverse('search')}?q={SEARCH_WORDS[language].replace(' ', '+')}"
    rows = [
        ("home", first_url(HomePage.objects.live().filter(**live))),
        ("report index", first_url(ReportIndexPage.objects.live().filter(**live))),
        ("report", first_url(generated_first(ReportPage, locale))),
        ("event index", first_url(EventIndexPage.objects.live().filter(**live))),
        ("event: summit", first_url(generated_first(EventPage, locale, event_format=EventFormat.SUMMIT))),
        ("event: participation", first_url(generated_first(EventPage, locale, our_role=OurRole.PARTICIPANT))),
        ("event: workshop", first_url(generated_first(EventPage, locale, event_format=EventFormat.WORKSHOP))),
        ("news index", first_url(NewsIndexPage.objects.live().filter(**live))),
        ("news article", first_url(generated_first(NewsArticlePage, locale))),
        ("initiative index", first_url(InitiativeIndexPage.objects.live().filter(**live))),
        ("initiative", first_url(generated_first(InitiativePage, locale))),
        ("topic index", first_url(TopicIndexPage.objects.live().filter(**live))),
        ("topic", TopicIndexPage.snippet_url(topic) if topic else None),
        ("people index", first_url(PeopleIndexPage.objects.live().filter(**live))),
        ("person", PeopleIndexPage.snippet_url(person) if person else None),
        ("standard page", first_url(StandardPage.objects.live().public().filter(**live))),
        ("search", search),
    ]
    return [(name, url) for name, url in rows if url]


PAGE_LINK = re.compile(r'href="\?(?:[^"]*&amp;)?page=(\d+)"')


def last_page(url, html):
    """The URL of the last page of the list `html` (the page at `url`) shows, or None."""
    numbers = [int(number) for number in PAGE_LINK.findall(html.decode())]
    if not numbers or max(numbers) == 1:
        return None
    return f"{url}{'&' if '?' in url else '?'}page={max(numbers)}"
