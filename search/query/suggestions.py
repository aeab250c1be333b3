"""Autocomplete: topics, titles and people's names holding what the reader is typing."""

import logging

from django.contrib.postgres.lookups import Unaccent
from django.db import connection
from django.db.models import Q
from django.db.models.functions import Lower

from serving.sitewide import locale_for
from topics.models import Topic, TopicIndexPage

from ..breaker import describe
from ..indexing import get_engine, people_with_page, visible_pages
from .engine import hydrate, suggest_body
from .promotions import folded
from .results import page_hit, person_hit, topic_hit

logger = logging.getLogger(__name__)

MAX_SUGGEST_LENGTH = 100
MIN_SUGGEST_LENGTH = 2


def suggestions(query, limit=8):
    """[Hit]: the topics whose name holds what the reader typed (`query.text`, cut
    at MAX_SUGGEST_LENGTH), then titles and names starting like it (the engine) or
    holding it (the database); none below MIN_SUGGEST_LENGTH characters."""
    text = query.text[:MAX_SUGGEST_LENGTH]
    if len(text) < MIN_SUGGEST_LENGTH:
        return []
    words = text.split()[:5]
    hits = [topic_hit(topic) for topic in _topics(query.language, words)[:limit]]
    engine = get_engine()
    if engine is not None:
        try:
            found = engine.search_raw(query.language, suggest_body(text, limit - len(hits)))["hits"]["hits"]
            return hits + hydrate(query.language, found)
        except Exception as error:  # noqa: BLE001 - whatever the engine's failure, the database suggests
            logger.warning("Search engine unavailable for suggestions (%s)", describe(error))
    pages = _containing(visible_pages(query.language), "title", words).specific().order_by("title")
    hits += [page_hit(page) for page in pages[: limit - len(hits)]]
    people = _containing(people_with_page(query.language), "name", words).order_by("name")[: limit - len(hits)]
    return hits + [person_hit(person) for person in people]


def _topics(language, words):
    """The live topics of `language` whose name holds each of `words`, when readers can open their pages."""
    locale = locale_for(language)
    if locale is None or not TopicIndexPage.url_for_locale(locale.pk):
        return Topic.objects.none()
    return _containing(Topic.objects.filter(locale_id=locale.pk, live=True), "name", words).order_by("name")


def _containing(queryset, field, words):
    """The rows of `queryset` whose `field` holds each of `words`; on PostgreSQL
    whatever the accents ("rein" finds « Réinventer l'IA »)."""
    if connection.vendor != "postgresql":
        condition = Q()
        for word in words:
            condition &= Q(**{f"{field}__icontains": word})
        return queryset.filter(condition)
    queryset = queryset.annotate(folded_field=Unaccent(Lower(field)))
    for word in words:
        queryset = queryset.filter(folded_field__contains=folded(word))
    return queryset
