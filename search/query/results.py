"""What a search answers, the same whichever backend found it."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from wagtail.models import Page

from editorial.search_text import content_date
from topics.models import Topic

from .value import model_of


@dataclass(frozen=True)
class Entry:
    """The recommendation or session of a page that matched."""

    label: str
    title: str
    anchor: str
    excerpt: str = ""
    # Set by search.links, from the page's URL and the anchor.
    url: str = ""


@dataclass(frozen=True)
class Hit:
    title: str
    type_key: str
    type_label: str
    date: date | None
    excerpt: str
    # The page or person the hit opens: search.links gives `url` from it.
    target: object = None
    url: str = ""
    entry: Entry | None = None

    @property
    def page_id(self):
        return self.target.pk if isinstance(self.target, Page) else None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchResults:
    hits: list = field(default_factory=list)
    total: int = 0
    # The page shown: the one asked for, or the last one when that was past the end.
    page: int = 1
    facets: dict = field(default_factory=dict)
    # Editors' picks, on the first page only (never repeated in `hits`).
    promotions: list = field(default_factory=list)
    # How many editors' picks the query has, on every page: counted in `count`.
    pinned: int = 0
    # "Did you mean", asked only when nothing was found.
    spelling: str = ""
    other_language_count: int = 0
    by_engine: bool = False
    # The engine failed and the database answered: the page says so.
    degraded: bool = False

    @property
    def count(self):
        """What readers are told they found: results and editors' picks."""
        return self.total + self.pinned


def summary_of(page):
    return getattr(page, "summary", "") or page.search_description or getattr(page, "intro", "") or ""


def type_label_of(page):
    return str(capfirst(getattr(page, "type_label", page._meta.verbose_name)))


def page_hit(page, excerpt="", entry=None):
    return Hit(
        title=page.title,
        type_key=page._meta.label_lower,
        type_label=type_label_of(page),
        date=content_date(page),
        excerpt=mark_safe(excerpt) if excerpt else escape(Truncator(summary_of(page)).chars(220)),  # noqa: S308 - an engine's highlight, escaped by its html encoder (query/engine.py)
        target=page,
        entry=entry,
    )


def person_hit(person, excerpt=""):
    text = " — ".join(filter(None, [person.role, str(person.organisation or "")]))
    return Hit(
        title=person.name,
        type_key=person._meta.label_lower,
        type_label=str(capfirst(person._meta.verbose_name)),
        date=None,
        excerpt=mark_safe(excerpt) if excerpt else escape(text),  # noqa: S308 - an engine's highlight, escaped by its html encoder (query/engine.py)
        target=person,
    )


def topic_hit(topic):
    return Hit(
        title=topic.name,
        type_key=topic._meta.label_lower,
        type_label=str(capfirst(topic._meta.verbose_name)),
        date=None,
        excerpt="",
        target=topic,
    )


def facets(language, filters, buckets, topic_names=None):
    """{"type"|"topic"|"year": [FacetValue]} from {name: [(value, count)]}, with
    readers' labels; values the database no longer knows are dropped.
    `topic_names` ({id: name}) when the caller has the topics already."""
    types = []
    for key, count in buckets.get("type", []):
        model = model_of(key)
        if model is not None:
            types.append(FacetValue(key, str(capfirst(model._meta.verbose_name_plural)), count, key == filters.type))
    topic_ids = [int(key) for key, _count in buckets.get("topic", []) if key.isdecimal()]
    names = topic_names
    if names is None:
        names = dict(Topic.objects.filter(pk__in=topic_ids, locale__language_code=language).values_list("pk", "name"))
    return {
        "type": types,
        "topic": [
            FacetValue(key, names[int(key)], count, key == filters.topic)
            for key, count in buckets.get("topic", [])
            if key.isdecimal() and int(key) in names
        ],
        "year": [FacetValue(key, key, count, key == filters.year) for key, count in buckets.get("year", [])],
    }
