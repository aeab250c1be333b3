"""The content types, as each content app declares itself in its
`AppConfig.ready()`: what the home page shows of it, what a person's page
lists of it, what search documents read with its pages. The rows tying its
pages to people and topics go to `serving.tags.tie` (what purges them) through
the same call. `home`, `people` and `search` read this registry and name no
content type (README, "Adding a content type")."""

from dataclasses import dataclass, field

from serving.tags import tie


def specific(rows):
    """The pages of `rows` as their own types (what their cards read)."""
    return list(rows.specific())


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page: `context(page, request)` gives the context
    of `template` (falsy: the section is left out); `in_columns` sections sit
    side by side with their neighbours; `order` places it when the editors
    chose no order (the home page's "sections" field); `changes_with_time`
    when time alone changes what it shows (upcoming events)."""

    key: str
    label: str
    template: str
    context: object
    in_columns: bool = False
    order: int = 50
    changes_with_time: bool = False


@dataclass(frozen=True)
class Contribution:
    """What a person's page lists of a content type, under `heading`:
    `queryset(person, visible)` (`visible`: the live, public pages of the
    person's language), newest first, loaded page by page with `load(rows)` (by default as specific pages),
    shown by `template` with `section`; `pages_label` names its page links.
    `key` (in English) is also the page's query parameter, translated
    (`editorial.url_words`)."""

    key: str
    heading: str
    pages_label: str
    queryset: object
    load: object = specific
    template: str = "people/includes/contribution_cards.html"


@dataclass(frozen=True)
class SearchExtras:
    """What the search documents of a page type read with its pages: foreign
    keys joined, relations prefetched, and `prepare(pages)` for the rest."""

    related: tuple = ()
    prefetched: tuple = ()
    prepare: object = None


@dataclass(frozen=True)
class ContentType:
    app_label: str
    home_sections: tuple = ()
    contributions: tuple = ()
    search: dict = field(default_factory=dict)


REGISTRY = {}


def register(app_label, home_sections=(), contributions=(), search=None, ties=()):
    """Declares a content type: `search` is {page model: SearchExtras}; `ties`
    are `serving.tags.tie`'s arguments, (model, tags_of[, page])."""
    REGISTRY[app_label] = ContentType(app_label, tuple(home_sections), tuple(contributions), search or {})
    for arguments in ties:
        tie(*arguments)


def home_sections():
    """{key: HomeSection}, in their default order."""
    sections = sorted((section for entry in REGISTRY.values() for section in entry.home_sections), key=_by_order)
    return {section.key: section for section in sections}


def _by_order(section):
    return section.order


def home_section_choices():
    return [(key, section.label) for key, section in home_sections().items()]


def contributions():
    return [contribution for entry in REGISTRY.values() for contribution in entry.contributions]


def search_extras(model):
    return next((entry.search[model] for entry in REGISTRY.values() if model in entry.search), SearchExtras())
