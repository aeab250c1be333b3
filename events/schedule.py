"""Event dates: Paris time, whole days, the dates as readers read them, and
the querysets of events that have not ended yet."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format, time_format
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


def upcoming_first(queryset, now=None):
    """Upcoming events first (soonest first), then past ones (newest first)."""
    queryset = with_end(queryset).annotate(
        is_over=Case(When(not_ended(now), then=Value(0)), default=Value(1), output_field=models.IntegerField())
    )
    return queryset.order_by(
        "is_over",
        Case(When(is_over=0, then=F("starts_at"))).asc(nulls_last=True),
        Case(When(is_over=1, then=F("starts_at"))).desc(nulls_last=True),
        "pk",
    )
