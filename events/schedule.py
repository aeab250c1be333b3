"""Event dates: Paris time, whole days, the dates as readers read them, and
the querysets of events that have not ended yet."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext


def paris():
    return ZoneInfo(settings.TIME_ZONE)


def whole_days(starts_at, ends_at):
    """(start, end) of an event taking whole days: the first day's midnight to the
    last day's end, so "upcoming" and calendars need no special case for it."""
    first = timezone.localtime(starts_at, paris()).date()
    last = timezone.localtime(ends_at, paris()).date() if ends_at else first
    return datetime.combine(first, time.min, tzinfo=paris()), datetime.combine(
        max(first, last), time(23, 59, 59), tzinfo=paris()
    )


def describe_dates(start, end, all_day):
    """The dates (and times) in the reader's language, e.g. « 7 février 2025, 10:00 – 20:30 »;
    `start` and `end` (or None) in local time."""
    first = date_format(start, "DATE_FORMAT")
    multi_day = bool(end and end.date() != start.date())
    if all_day:
        if not multi_day:
            return first
        return gettext("du %(first)s au %(last)s") % {"first": first, "last": date_format(end, "DATE_FORMAT")}
    if end is None:
        return gettext("%(day)s à %(time)s") % {"day": first, "time": time_format(start)}
    if not multi_day:
        return gettext("%(day)s, %(start)s – %(end)s") % {
            "day": first,
            "start": time_format(start),
            "end": time_format(end),
        }
    return gettext("du %(first)s à %(start)s au %(last)s à %(end)s") % {
        "first": first,
        "start": time_format(start),
        "last": date_format(end, "DATE_FORMAT"),
        "end": time_format(end),
    }


def not_ended(now=None):
    """Events that have not ended yet (an event without an end ends when it starts)."""
    return Q(ends_or_starts_at__gte=now or timezone.now())


def with_end(queryset):
    return queryset.annotate(ends_or_starts_at=Coalesce("ends_at", "starts_at"))


def soonest_first(upcoming):
    """`upcoming` (events not ended) by start, sorted once found. Ordered by the
    bare column, PostgreSQL follows the start index from the oldest event to
    find the few not ended at its far end, reading every past one: 45 ms at
    25,000 events, against 1 ms found by the end-or-start index, then sorted
    (docs/scale.md). The same start, wrapped, is an order no index serves."""
    return upcoming.order_by(Coalesce("starts_at", "starts_at"), "pk")


# Rows the database skips (OFFSET) faster than it counts the past events.
SKIPPED_CHEAPLY = 1000


class UpcomingThenPast:
    """The events of `queryset` as one list: those that have not ended first
    (soonest first), then past ones (newest first). Two queries that each
    follow an index (the end-or-start expression, the start) instead of one
    sorting every event on a computed key: at 25,000 events that sort was
    200 ms and spilled to disk (docs/scale.md). Django's paginator slices it.
    `count`, the number of events when already known, spares counting past ones
    (50 ms at 12,000 past events of a language, every page of the archive)."""

    def __init__(self, queryset, count=None, now=None):
        self.known_count = count
        queryset = with_end(queryset)
        # `is_over` says which part a row is from (the index's two headings).
        self.upcoming = soonest_first(queryset.filter(not_ended(now)).annotate(is_over=Value(False)))
        self.past = queryset.exclude(not_ended(now)).annotate(is_over=Value(True)).order_by("-starts_at", "-pk")

    @cached_property
    def upcoming_count(self):
        return self.upcoming.count()

    def count(self):
        return self.upcoming_count + self.past_count

    def __getitem__(self, window):
        # Read when first used: an index that kept its rendered cards (`kept_listing`) reads none.
        return SimpleLazyObject(lambda: self._rows(window))

    def _rows(self, window):
        start, stop = window.start or 0, window.stop
        split = self.upcoming_count
        rows = list(self.upcoming[start : min(stop, split)]) if start < split else []
        if stop > split:
            rows += self._past(max(start - split, 0), stop - split)
        return rows

    @cached_property
    def past_count(self):
        if self.known_count is not None:
            return self.known_count - self.upcoming_count
        return self.past.count()

    def _past(self, start, stop):
        """Past events `start` to `stop`; deep in a long archive, read from its
        oldest end (as EitherEndPaginator does), the database skipping at most half."""
        if start < SKIPPED_CHEAPLY or start <= self.past_count - stop:
            return list(self.past[start:stop])
        oldest_first = self.past.reverse()[max(self.past_count - stop, 0) : self.past_count - start]
        return list(reversed(oldest_first))
