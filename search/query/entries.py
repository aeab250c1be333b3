"""Which recommendation or session of a page the reader's words point to, on the
database backend (the engine tells it with its nested matches for every hit):
the one holding most of the words, so that the hit links to its anchor."""

import re

from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from editorial.search_text import page_entries

from .promotions import folded
from .results import Entry

WORD = re.compile(r"\w+")
# Words this short are articles and prepositions more often than what is sought.
MIN_WORD = 3
# Letters a query word and an entry word must share at the start to match
# ("écoles", "école", "Écoles" and "ecole" all do), a crude stemming.
STEM = 4


def sought_words(text):
    """The words of a query worth looking for, folded (lower case, no accents)."""
    return [word for word in set(WORD.findall(folded(text))) if len(word) >= MIN_WORD]


def words_named(sought, text):
    """How many of the `sought` words `text` names."""
    words = set(WORD.findall(folded(text)))
    return sum(any(word.startswith(wanted[:STEM]) for word in words) for wanted in sought)


def _entry(page, variants):
    """The entry of `page` naming most words of one of the query's `variants` (its
    synonyms: "écoles" names the recommendations for « établissements d'enseignement »)."""
    sought = [sought_words(variant) for variant in variants]
    scored = [
        (max(words_named(words, f"{entry['title']} {entry['text']}") for words in sought), -index, entry)
        for index, entry in enumerate(page_entries(page))
    ]
    best = max(scored, default=None, key=lambda item: item[:2])
    if best is None or best[0] == 0:
        return None
    entry = best[2]
    label = _("Recommandation %(number)s") % {"number": entry["number"]} if entry["number"] else _("Session")
    return Entry(
        label=label, title=entry["title"], anchor=entry["anchor"], excerpt=escape(Truncator(entry["text"]).chars(180))
    )


def matched_entries(pages, variants, language):
    """{page id: Entry} for the first of the `pages` (specific, of `language`) that
    has recommendations or sessions, when one of the query's `variants` names one of them. Only the first:
    reading a page's entries reads its whole body (the images of a report, the
    speakers of an event), queries that would grow with the number of results."""
    first = next(
        (page for page in pages if hasattr(page, "recommendation_entries") or hasattr(page, "session_entries")), None
    )
    if first is None:
        return {}
    with translation.override(language):
        entry = _entry(first, variants)
    return {first.pk: entry} if entry else {}
