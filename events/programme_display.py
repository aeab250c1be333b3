"""The programme as the event page prints it, prepared once in Python: each
session's times and each participant's link and detail line as ready values.

A summit has dozens of participants and times; an include, a tag or a filter
for each of them cost more than the rest of the page."""

from django.utils import dateformat, timezone
from django.utils.formats import get_format

from people.models import PeopleIndexPage


def programme_display(sessions, multi_day):
    """`sessions` (`events.models.Session`s) as dicts of what the programme prints."""
    # The formats of the reader's language, read once as the `time` filter reads them for each time.
    time_format = get_format("TIME_FORMAT")
    shown_people = {}

    def moment(value, name):
        """`value` as the `date:'c'` and `time` filters print it, in the site's time zone;
        empty strings for None."""
        if value is None:
            return {f"{name}_iso": "", f"{name}_time": ""}
        local = timezone.localtime(value)
        return {f"{name}_iso": local.isoformat(), f"{name}_time": dateformat.time_format(local, time_format)}

    def participant(item):
        person = item.person
        if person.pk not in shown_people:
            shown_people[person.pk] = (person.name, PeopleIndexPage.snippet_url(person), person.organisation)
        name, url, organisation = shown_people[person.pk]
        detail = f", {item.role}" if item.role else ""
        if organisation:
            detail += f" ({organisation.short_name})"
        return {"name": name, "url": url, "detail": detail}

    return [
        {
            "anchor": session.anchor,
            "kind": session.kind,
            "kind_label": session.kind_label,
            "title": session.title,
            "description": session.description,
            "ours": session.ours,
            "day": dateformat.format(timezone.localtime(session.starts_at), "l j F")
            if session.starts_at and multi_day
            else "",
            **moment(session.starts_at, "start"),
            **moment(session.ends_at, "end"),
            "moderators": [participant(item) for item in session.moderators],
            "speakers": [participant(item) for item in session.speakers],
        }
        for session in sessions
    ]
