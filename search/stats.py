"""Readers' searches, counted in Wagtail's search terms (`Query`/`QueryDailyHits`)
plus the searches that found nothing (`NoResultDailyHits`).

A search only appends an event to the cache: the request never writes to the
database (a row per search also locked SQLite under concurrent searches).
`manage.py flush_search_stats`, run every few minutes, adds the events to the
tables. The cache must be shared by the web workers and the command (Redis in
production); a per-process cache keeps the events where the command cannot read them."""

import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import NoResultDailyHits

SEQUENCE_KEY = "search-stats:sequence"
FLUSHED_KEY = "search-stats:flushed"
# Events not flushed within this time are dropped rather than kept forever.
EVENT_TIMEOUT = 7 * 24 * 3600


def _event_key(number):
    return f"search-stats:event:{number}"


def record(query, results):
    """Counts a new search (its first page, unfiltered) for the next flush."""
    normalised = normalise_query_string(query.text)[:MAX_QUERY_STRING_LENGTH]
    if not normalised or query.page != 1 or query.filters.as_dict():
        return
    cache.add(SEQUENCE_KEY, 0, timeout=None)
    number = cache.incr(SEQUENCE_KEY)
    found = bool(results.total or results.promotions)
    cache.set(_event_key(number), (timezone.localdate().isoformat(), normalised, found), timeout=EVENT_TIMEOUT)


def flush():
    """Moves the recorded searches into the database; returns how many."""
    last = cache.get(SEQUENCE_KEY, 0)
    first = cache.get(FLUSHED_KEY, 0) + 1
    if last < first:
        return 0
    keys = [_event_key(number) for number in range(first, last + 1)]
    events = cache.get_many(keys).values()
    hits, misses = {}, {}
    for day, text, found in events:
        hits[day, text] = hits.get((day, text), 0) + 1
        if not found:
            misses[day, text] = misses.get((day, text), 0) + 1
    with transaction.atomic():
        for (day, text), count in hits.items():
            query = Query.get(text)
            date = datetime.date.fromisoformat(day)
            _add(QueryDailyHits, query, date, count)
            if (day, text) in misses:
                _add(NoResultDailyHits, query, date, misses[day, text])
    cache.set(FLUSHED_KEY, last, timeout=None)
    cache.delete_many(keys)
    return len(events)


def _add(model, query, date, count):
    row, _created = model.objects.get_or_create(query=query, date=date)
    model.objects.filter(pk=row.pk).update(hits=F("hits") + count)
