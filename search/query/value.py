"""What a reader asks for, read once from the request's parameters.

Anything a parameter holds that cannot be valid is cleaned or ignored, never an
error: control characters, overlong text, unknown facets, page numbers out of
range."""

import re
from dataclasses import dataclass, field

from django.apps import apps

from ..indexing import languages

MAX_QUERY_LENGTH = 1000
# What the search box shows back of what was typed.
MAX_TYPED_LENGTH = 2000
PER_PAGE = 10
# The engine cannot page past this many results.
MAX_RESULT_WINDOW = 10_000
MAX_PAGE = MAX_RESULT_WINDOW // PER_PAGE
# Values of the `sort` parameter; the first is the default.
SORTS = ("relevance", "date")

# C0 and C1 control characters (NUL included: PostgreSQL refuses it in text)
# and lone surrogates, which no encoder accepts.
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
PAGE_NUMBER = re.compile(r"[0-9]+", re.ASCII)
FACET_PATTERNS = {
    "type": re.compile(r"[a-z0-9_]{1,100}\.[a-z0-9_]{1,100}", re.ASCII),
    "topic": re.compile(r"[0-9]{1,11}", re.ASCII),
    "year": re.compile(r"(19|20)[0-9]{2}", re.ASCII),
}


def model_of(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def printable(value):
    return UNPRINTABLE.sub(" ", value or "")


def clean_text(raw):
    """What we search for: printable, whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join(printable(raw).split())[:MAX_QUERY_LENGTH].strip()


def page_number(value):
    """1 unless `value` is a number; a number past MAX_PAGE, however long, is MAX_PAGE."""
    value = (value or "").strip()
    if not PAGE_NUMBER.fullmatch(value):
        return 1
    if len(value) > len(str(MAX_PAGE)):
        return MAX_PAGE
    return min(max(int(value), 1), MAX_PAGE)


@dataclass(frozen=True)
class Filters:
    type: str = ""
    topic: str = ""
    year: str = ""

    @classmethod
    def from_params(cls, params):
        values = {}
        for name, pattern in FACET_PATTERNS.items():
            value = params.get(name, "")
            values[name] = value if pattern.fullmatch(value) else ""
        if values["type"] and model_of(values["type"]) is None:
            values["type"] = ""
        return cls(**values)

    def as_dict(self):
        return {key: value for key, value in vars(self).items() if value}


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    language: str = "fr"
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    # "relevance" (best match first) or "date" (newest first).
    sort: str = SORTS[0]
    # What the reader typed, shown back in the search box.
    typed: str = ""

    @classmethod
    def from_params(cls, params, language):
        """The query in `params` (a QueryDict: a repeated parameter counts once,
        with its last value), searched in `language`."""
        typed = printable(params.get("q", ""))
        return cls(
            text=clean_text(typed),
            language=language,
            filters=Filters.from_params(params),
            page=page_number(params.get("page")),
            sort=params.get("sort") if params.get("sort") in SORTS else SORTS[0],
            typed=typed[:MAX_TYPED_LENGTH],
        )

    @property
    def by_date(self):
        return self.sort == "date"

    @property
    def was_cut(self):
        return len(" ".join(self.typed.split())) > len(self.text)

    @property
    def other_language(self):
        return next((code for code in languages() if code != self.language), self.language)


def requested_language(params, default):
    """The `locale` parameter of the API when it is one of the site's languages."""
    code = params.get("locale", "")
    return code if code in languages() else default
