"""The one list of what the site keeps in Django's cache: each entry's name,
key parts, and the tags whose purge drops it (docs/caching.md renders it with
`markdown_table()`, a test keeps the two in step); and the models whose save
or deletion purges each tag (`serving.purges` connects them, and purges pages,
snippets and the rows tying them by the tags responses name)."""

import hashlib
import re
from dataclasses import dataclass

SITE = "site"
PAGES = "pages"
MENUS = "menus"
TOPICS = "topics"
SEARCH = "search"
TRANSLATIONS = "translations"
MEDIA = "media"
# Tags of content: what a response reading the entry shows, so a change purges it.
SHOWN_TAGS = {MENUS, TOPICS, TRANSLATIONS, MEDIA}
# A key part kept as it is; any other (a body, a URL a reader typed) is keyed by
# its SHA-256, 64 characters, which no plain part can be.
PLAIN_PART = re.compile(r"[A-Za-z0-9._-]{1,40}")


@dataclass(frozen=True)
class Cached:
    name: str
    parts: tuple[str, ...]
    tags: tuple[str, ...]
    holds: str
    # Current also while every tag its computation showed is (the pages, people and
    # topics a rendered list loaded): its `tags` need only cover the entries it reads.
    checks_shown: bool = False

    def key(self, parts):
        if len(parts) != len(self.parts):
            raise TypeError(f"{self.name} is keyed by {self.parts}, got {parts}")
        return ":".join(("sitewide", self.name, *map(_key_part, parts)))

    @property
    def shown(self):
        return sorted(SHOWN_TAGS.intersection(self.tags))


def _key_part(part):
    """`part` as it is when short and plain, else its digest: a key stays within
    memcached's 250 characters and its character set, whatever it holds."""
    text = str(part)
    return text if PLAIN_PART.fullmatch(text) else hashlib.sha256(text.encode()).hexdigest()


ENTRIES = {
    entry.name: entry
    for entry in [
        Cached("sites", (), (PAGES,), "the sites with their settings, home pages, sections and locales"),
        Cached("view-restrictions", (), (PAGES,), "every view restriction with its page's path"),
        Cached("section", ("home", "slug"), (PAGES,), "a child of the home page (routing)"),
        Cached(
            "routed-page",
            ("URL path",),
            (MEDIA,),
            "a live page below a section as routed, with what its view reads (topics, authors, a programme, "
            "partners), "
            "while it and they are unchanged",
            checks_shown=True,
        ),
        Cached("section-indexes", (), (PAGES,), "each section index per language: path, URL, title"),
        Cached("menus", ("language",), (MENUS, PAGES), "the menus of a language with their links"),
        Cached("footer", ("language",), (MENUS, PAGES), "the rendered footer"),
        Cached("translations", ("site", "translation key"), (PAGES,), "a page's live translations (hreflang)"),
        Cached("related", ("page", "locale", "limit"), (PAGES, TOPICS), "a page's “same subject” pages"),
        Cached("related-block", ("page", "language", "site"), (PAGES, TOPICS), "the rendered “same subject” block"),
        Cached(
            "listing",
            ("listing", "language"),
            (PAGES, TOPICS),
            "an index's filter choices and count, while the snippets they name are unchanged",
            checks_shown=True,
        ),
        Cached("topics-with-counts", ("locale",), (PAGES, TOPICS), "the topics of a language with page counts"),
        Cached(
            "body",
            ("language", "model", "page", "content"),
            (PAGES, MEDIA),
            "a rendered body (StreamField), while the people and pages it names are unchanged",
            checks_shown=True,
        ),
        Cached("card", ("language", "what it shows"), (MEDIA,), "a rendered card, keyed by what it shows"),
        Cached(
            "home-section",
            ("home", "section", "language"),
            (PAGES, TOPICS, MEDIA),
            "a rendered section of the home page, while the pages and snippets it shows are unchanged",
            checks_shown=True,
        ),
        Cached(
            "listing-page",
            ("list, language and query",),
            (PAGES, TOPICS, MEDIA),
            "one page of a list rendered (an index's, a topic's: filters, cards, pages; a person's), per query",
            checks_shown=True,
        ),
        Cached(
            "blank-form",
            ("language", "page"),
            (),
            "a page's public form as every reader first sees it (its fields, no CSRF token), while the page is unchanged",
            checks_shown=True,
        ),
        Cached("citation-styles", ("language", "record"), (), "a report's citation in APA, Chicago and ISO 690"),
        Cached("translations-out-of-date", (), (PAGES, TRANSLATIONS), "translations whose source changed"),
        Cached("synonyms", ("language",), (SEARCH,), "search synonyms of a language"),
        Cached("search-promotions", (), (SEARCH, PAGES), "Wagtail's search promotions"),
        Cached("hidden-pages", ("language",), (PAGES,), "ids of the pages search leaves out (drafts, private)"),
        Cached("search-external-promotions", ("language",), (SEARCH,), "recommended external links"),
    ]
}

# Tag: the models (app label.model name) whose save or deletion purges it.
TAG_SOURCES = {
    SITE: ("wagtailcore.Site", "wagtailcore.Locale"),
    PAGES: ("wagtailcore.PageViewRestriction",),
    MENUS: ("navigation.Menu", "navigation.MenuItem"),
    TOPICS: ("topics.Topic",),
    SEARCH: ("search.Synonym", "wagtailsearchpromotions.SearchPromotion", "search.ExternalPromotion"),
    TRANSLATIONS: ("wagtail_localize.TranslationSource", "wagtail_localize.Translation"),
}


def markdown_table():
    """The registry as the table of docs/caching.md."""
    rows = ["| name | holds | key parts | dropped by the tags | responses reading it carry |", "|---|---|---|---|---|"]
    for entry in ENTRIES.values():
        dropped_by = ", ".join(dict.fromkeys((*entry.tags, SITE))) + (", what it shows" if entry.checks_shown else "")
        parts = ", ".join(entry.parts) or "—"
        rows.append(f"| `{entry.name}` | {entry.holds} | {parts} | {dropped_by} | {', '.join(entry.shown) or '—'} |")
    return "\n".join(rows)
