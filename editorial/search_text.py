"""What readers call a content page by beyond its own text, given to both
search backends: an event's organiser and venue, a news source, the
recommendations (with whom they are addressed to) or sessions (with who
speaks) of a page, and its date as readers type it ("7 février 2025",
"February 2025"). `EditorialPage.search_fields` indexes it on Wagtail's
database backend; `search.documents` builds the engine's documents from it."""

import unicodedata
from datetime import timedelta

from django.utils import formats, timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .related import date_shown


def plain_text(value):
    """Text of a value, a list of values or of rich text, without tags."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(item) for item in value)
    text = str(value)
    # Django's strip_tags parses the whole text: a tenth of a rebuild's time, spent
    # mostly on the plain text StreamFields give for indexing.
    return (strip_tags(text) if "<" in text else text).strip()


def organisation_names(organisation):
    return " ".join(filter(None, [organisation.name, organisation.acronym])) if organisation else ""


def _participants(session):
    """Who speaks in a session as readers name them: names, roles and organisations."""
    return " ".join(
        " ".join(filter(None, [p.person.name, p.role, organisation_names(p.person.organisation)]))
        for p in session.people
    )


def page_entries(page):
    """The recommendations (with whom they are addressed to) or sessions (with
    who speaks) of `page`, each searched on its own so that a match links to its anchor."""
    if hasattr(page, "recommendation_entries"):
        return [
            {
                "anchor": e["anchor"],
                "number": str(e["number"]),
                "title": plain_text(e["title"]),
                # Readers name a recommendation by its number and by whom it is for.
                "text": plain_text(
                    [_("Recommandation %(number)s") % {"number": e["number"]}, e["text"], e["audiences"]]
                ),
            }
            for e in page.recommendation_entries()
        ]
    if hasattr(page, "session_entries"):
        return [
            {
                "anchor": e["anchor"],
                "number": "",
                "title": plain_text(e["title"]),
                "text": plain_text([session.description, _participants(session)]),
            }
            for e, session in zip(page.session_entries(), page.sessions, strict=True)
        ]
    return []


def named_by_readers(page):
    """What readers call a page by besides its text: an event's organiser and venue,
    a news article's source (content models keep these out of their text fields)."""
    return plain_text(
        [
            organisation_names(getattr(page, "organiser", None)),
            getattr(page, "venue_name", ""),
            getattr(page, "city", ""),
            organisation_names(getattr(page, "source_organisation", None)),
            getattr(page, "source_name", ""),
            getattr(page, "source_title", ""),
        ]
    )


def content_date(page):
    """The page's own date (publication, event start...); None for pages that
    have none, such as section index pages, rather than the day they were published."""
    return date_shown(page) if getattr(page, "listing_date", None) else None


def _days(page):
    """The days a page is about: its date, and each day of an event up to its last."""
    first = content_date(page)
    if first is None:
        return []
    ends_at = getattr(page, "ends_at", None)
    last = timezone.localtime(ends_at).date() if ends_at and timezone.is_aware(ends_at) else first
    # A week at most: a long programme is not about each of its days.
    span = min(max((last - first).days, 0), 6)
    return [first + timedelta(days=offset) for offset in range(span + 1)]


def date_words(page):
    """The page's days as readers type them, in the page's language: "7 février
    2025 7 fevrier 2025", "7 February 2025" (a month and a year, or a day and a month, find it)."""
    with translation.override(page.locale.language_code):
        words = [formats.date_format(day, "j F Y") for day in _days(page)]
    # Months as typed without accents too ("fevrier", "aout"): the database
    # backend does not fold them (the engine does).
    words += [_without_accents(text) for text in words]
    return " ".join(dict.fromkeys(words))


def _without_accents(text):
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def reader_text(page):
    """What the engine's document holds beyond the page's search fields (what readers
    name it by, its date, its recommendations or sessions with who speaks), as one
    text for Wagtail's database backend, which indexes search fields only."""
    with translation.override(page.locale.language_code):
        entries = page_entries(page)
    return " ".join(
        filter(None, [named_by_readers(page), date_words(page), *(f"{e['title']} {e['text']}" for e in entries)])
    )
