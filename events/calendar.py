"""iCalendar files (RFC 5545) built from the same fields as the event page."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar
from icalendar import Event as CalendarEvent


def event_uid(page):
    """Stable across edits, renames and moves: the event's translation key and language."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"event-{page.translation_key}-{page.locale.language_code}@{host}"


def calendar_event(page, request):
    entry = CalendarEvent()
    entry.add("uid", event_uid(page))
    entry.add("dtstamp", page.last_published_at or timezone.now())
    entry.add("summary", page.title)
    if page.all_day:
        # All-day events are dates; the end date is exclusive in iCalendar.
        entry.add("dtstart", page.local_start.date())
        entry.add("dtend", page.local_end.date() + timedelta(days=1))
    else:
        entry.add("dtstart", page.local_start)
        if page.local_end:
            entry.add("dtend", page.local_end)
    url = request.build_absolute_uri(page.url)
    entry.add("url", url)
    entry.add("description", f"{page.summary}\n\n{url}")
    place = ", ".join(part for part in (page.venue_name, page.address_line) if part) if page.has_venue else ""
    location = place or page.online_url
    if location:
        entry.add("location", location)
    entry.add("status", "CANCELLED" if page.cancelled else "CONFIRMED")
    if page.last_published_at:
        entry.add("last-modified", page.last_published_at)
    return entry


def build_calendar(request, pages, name):
    calendar = Calendar()
    calendar.add("prodid", f"-//{gettext(settings.ORGANISATION_NAME)}//events//{request.LANGUAGE_CODE.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for page in pages:
        calendar.add_component(calendar_event(page, request))
    if pages:
        first = min(page.local_start.date() for page in pages) - timedelta(days=366)
        last = max((page.local_end or page.local_start).date() for page in pages) + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(request, pages, name, filename, inline=False):
    """A `text/calendar` response; a feed is served inline so calendar apps can subscribe to it."""
    response = HttpResponse(build_calendar(request, pages, name).to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
