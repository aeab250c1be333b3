"""Readers' searches, counted in Wagtail's search terms (`Query`/`QueryDailyHits`)
plus the searches that found nothing (`NoResultDailyHits`).

A search only appends an event to the cache: the request never writes to the
database for it (a row per search also locked SQLite under concurrent searches).
Once the oldest event waiting is FLUSH_INTERVAL old, the next search queues the
`flush_search_stats` task, which adds the events to the tables: the worker runs
it with a task queue, or that request does with django-tasks' immediate
backend, so that the process holding the events (a per-process cache) flushes
them too. `manage.py flush_search_stats` does the same at any time, with a cache
shared by the web workers (Redis in production)."""

import datetime
import time

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from modelsearch.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import NoResultDailyHits

SEQUENCE_KEY = "search-stats:sequence"
FLUSHED_KEY = "search-stats:flushed"
# When the oldest event not flushed yet was recorded.
WAITING_SINCE_KEY = "search-stats:waiting-since"
# Set while a flush is queued, so that one request among many queues it.
QUEUED_KEY = "search-stats:queued"
FLUSHING_KEY = "search-stats:flushing"
# Seconds the search terms reports may lag behind.
FLUSH_INTERVAL = 300
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
    now = time.time()
    cache.add(WAITING_SINCE_KEY, now, timeout=None)
    waiting_since = cache.get(WAITING_SINCE_KEY, now)
    if now - waiting_since >= FLUSH_INTERVAL and cache.add(QUEUED_KEY, True, timeout=FLUSH_INTERVAL):
        if isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache):
            # Only this process can read its events: a worker's flush would find none.
            flush()
        else:
            flush_search_stats.enqueue()


@task()
def flush_search_stats():
    return flush()


def flush():
    """Moves the recorded searches into the database; returns how many."""
    # One flush at a time (the task and the command may meet): none counts an event twice.
    if not cache.add(FLUSHING_KEY, True, timeout=FLUSH_INTERVAL):
        return 0
    try:
        # Searches recorded from now on wait for the next flush.
        cache.delete_many([WAITING_SINCE_KEY, QUEUED_KEY])
        return _flush()
    finally:
        cache.delete(FLUSHING_KEY)


def _flush():
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
