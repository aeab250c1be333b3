"""The one list of what the site keeps in Django's cache: each entry's name,
key parts, and the tags whose purge drops it (docs/caching.md renders it with
`markdown_table()`, a test keeps the two in step); and the models whose save or
deletion purges each tag. Which pages show a changed page, topic or person is
in `caching.purge_map`."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

SITE = "site"
PAGES = "pages"
MENUS = "menus"
TOPICS = "topics"
SEARCH = "search"
TRANSLATIONS = "translations"
MEDIA = "media"
# Tags of content: what a response reading the entry shows, so a change purges it.
SHOWN_TAGS = {MENUS, TOPICS, TRANSLATIONS, MEDIA}


@dataclass(frozen=True)
class Cached:
    name: str
    parts: tuple[str, ...]
    tags: tuple[str, ...]
    holds: str

    def key(self, parts):
        if len(parts) != len(self.parts):
            raise TypeError(f"{self.name} is keyed by {self.parts}, got {parts}")
        return ":".join(("sitewide", self.name, *map(str, parts)))

    @property
    def shown(self):
        return sorted(SHOWN_TAGS.intersection(self.tags))


ENTRIES = {
    entry.name: entry
    for entry in [
        Cached("site", ("host", "port"), (SITE,), "the Wagtail site of a host name"),
        Cached("locales", (), (SITE,), "the locales by language code"),
        Cached("view-restrictions", (), (PAGES,), "every view restriction with its page's path"),
        Cached("home", ("site", "language"), (PAGES,), "the home page of a language"),
        Cached("sections", ("home",), (PAGES,), "the home page's children by slug (routing)"),
        Cached("section-index-urls", (), (PAGES,), "the URL of each section index per language"),
        Cached("institute-settings", ("site",), (SITE,), "Settings → Institut"),
        Cached("menus", ("language",), (MENUS, PAGES), "the menus of a language with their links"),
        Cached("feeds", ("language",), (PAGES,), "the feeds of a language (footer, head)"),
        Cached("footer", ("language",), (MENUS, PAGES), "the rendered footer"),
        Cached("translations", ("site", "translation key"), (PAGES,), "a page's live translations (hreflang)"),
        Cached("related", ("page", "locale", "limit"), (PAGES, TOPICS), "a page's “same subject” pages"),
        Cached("related-block", ("page", "language", "site"), (PAGES, TOPICS), "the rendered “same subject” block"),
        Cached("listing", ("listing", "language"), (PAGES, TOPICS), "an index's filter choices and count"),
        Cached("topics-with-counts", ("locale",), (PAGES, TOPICS), "the topics of a language with page counts"),
        Cached("body", ("language", "model", "page", "digest"), (PAGES, MEDIA), "a rendered body (StreamField)"),
        Cached("translations-out-of-date", (), (PAGES, TRANSLATIONS), "translations whose source changed"),
        Cached("synonyms", ("language",), (SEARCH,), "search synonyms of a language"),
        Cached("search-promotions", (), (SEARCH, PAGES), "Wagtail's search promotions"),
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


def _purging(tag):
    from .tags import purge

    def receiver(sender, update_fields=None, **kwargs):
        # Wagtail fills in an image's or a document's size and hash on first read: the file is the same.
        if update_fields and set(update_fields) <= {"file_size", "file_hash"}:
            return
        purge({tag})

    return receiver


def connect_model(model, tag):
    label = model._meta.label_lower
    post_save.connect(_purging(tag), sender=model, weak=False, dispatch_uid=f"serving_{tag}_{label}_saved")
    post_delete.connect(_purging(tag), sender=model, weak=False, dispatch_uid=f"serving_{tag}_{label}_deleted")


def connect_tag_sources():
    for tag, labels in TAG_SOURCES.items():
        for label in labels:
            connect_model(apps.get_model(label), tag)
    for model in (get_image_model(), get_document_model()):
        connect_model(model, MEDIA)
    # A setting may show on any page.
    for model in apps.get_models():
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
            connect_model(model, SITE)
    for model in get_page_models():
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            uid = f"serving_pages_{name}_{model._meta.label_lower}"
            signal.connect(_purging(PAGES), sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(
        _purging(PAGES), sender=apps.get_model("wagtailcore.Page"), weak=False, dispatch_uid="serving_page_deleted"
    )


def markdown_table():
    """The registry as the table of docs/caching.md."""
    rows = ["| name | holds | key parts | dropped by the tags | responses reading it carry |", "|---|---|---|---|---|"]
    for entry in ENTRIES.values():
        dropped_by = ", ".join(dict.fromkeys((*entry.tags, SITE)))
        parts = ", ".join(entry.parts) or "—"
        rows.append(f"| `{entry.name}` | {entry.holds} | {parts} | {dropped_by} | {', '.join(entry.shown) or '—'} |")
    return "\n".join(rows)
