"""What a card shows, declared by each thing listed (a page type, a topic, a
person) in its `card_meta(request)`, and drawn by the one card template,
`editorial/includes/card.html`, through the `{% card %}` tag."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Badge:
    label: str
    # Modifier classes of `.badge`, e.g. "badge--cancelled" or "status status--open".
    modifier: str = ""


@dataclass(frozen=True)
class Card:
    title: str
    url: str
    # The eyebrow: the kind of thing ("Rapport", "Conférence") then details
    # ("Nous y participons"), joined by middle dots.
    eyebrow: tuple = ()
    # The series the item belongs to ("Note n° 12"), last in the eyebrow.
    series: str = ""
    badges: tuple = ()
    # Given with `day` (a date or datetime), the date line; `date_text` says it
    # in words when the day alone does not (an event's hours).
    day: datetime.date | None = None
    date_text: str = ""
    byline: tuple = ()
    summary: str = ""
    summary_words: int = 30
    topics: tuple = ()
    # A date drawn as a calendar leaf beside the text (events).
    calendar_day: datetime.date | None = None
    cover: object = None
    portrait: object = None
    # The link's `hreflang` when it leads to another language than the reader's.
    hreflang: str = ""
    # Modifier classes of `.card`, e.g. "report-card" or "event-card event-card--over".
    modifier: str = ""
    # A line of its own below the title when there is no date (a topic's count, a person's role).
    meta_text: str = ""

    @property
    def datetime_attribute(self):
        """The `datetime` attribute of the date: the day alone when it has no time."""
        if isinstance(self.day, datetime.datetime):
            return self.day.isoformat()
        return self.day.isoformat() if self.day else ""
