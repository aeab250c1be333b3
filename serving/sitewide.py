"""Site-wide data: what many pages read and only an editor's change alters
(the site of a host name, locales, view restrictions, menus, a page's
"same subject" block, its rendered body...), computed once per change.

Each piece is an entry of `serving.registry`; it is kept in Django's cache
(shared by every worker on Redis) with the versions of its tags, and is
current while they are (`serving.tags`). Within a request each piece is read
once; the response gathers the tags of the content pieces it read."""

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tags
from .registry import ENTRIES, MEDIA, PAGES, SITE, TAG_SOURCES

# Tags keep the data exact; the timeout bounds what a change made behind the
# ORM's back (raw SQL) leaves stale.
TIMEOUT = 60 * 60 * 24


def sitewide(name, compute, *parts):
    """The value of the registry entry `name` for `parts` (such as the
    language), computed by `compute()` when missing or out of date."""
    entry = ENTRIES[name]
    key = entry.key(parts)
    tags.shows(*entry.shown)
    memo = tags.memo()
    if memo is not None and key in memo:
        return tags.replayed(memo[key])
    depends_on = (SITE, *entry.tags)
    current = tags.versions(depends_on)
    stored = tags.cache().get(key)
    if stored is not None and stored[0] == current and None not in current.values():
        value = stored[1]
    else:
        # Versions read before computing: a purge meanwhile makes this value stale at once.
        current = tags.versions(depends_on, create=True)
        value = tags.recording(compute)
        tags.cache().set(key, (current, value), TIMEOUT)
    if memo is not None:
        memo[key] = value
    return tags.replayed(value)


def locale_for(language_code):
    """The Locale of `language_code`, or None."""
    locales = sitewide("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})
    return locales.get(language_code)


def view_restrictions():
    """Every view restriction, with the path of its page as `page_path`, shallowest first."""

    def compute():
        restrictions = list(PageViewRestriction.objects.select_related("page").order_by("page__path"))
        for restriction in restrictions:
            restriction.page_path = restriction.page.path
        return restrictions

    return sitewide("view-restrictions", compute)


def _purge_after_migrate(**kwargs):
    # Values pickled by the previous code (rendered bodies, pages) are dropped.
    tags.purge({SITE})


def _purging(tag):
    def receiver(sender, update_fields=None, created=False, **kwargs):
        # Wagtail fills in an image's or a document's size and hash on first read: the file is the same.
        if update_fields and set(update_fields) <= {"file_size", "file_hash"}:
            return
        # A new image or document is shown nowhere yet (uploads are frequent, every page carries `media`).
        if created and tag == MEDIA:
            return
        tags.purge({tag})

    return receiver


def connect_model(model, tag):
    label = model._meta.label_lower
    post_save.connect(_purging(tag), sender=model, weak=False, dispatch_uid=f"serving_{tag}_{label}_saved")
    post_delete.connect(_purging(tag), sender=model, weak=False, dispatch_uid=f"serving_{tag}_{label}_deleted")


def connect_signals(app_config):
    """The request's memo, and the purge of each tag by the models it names (`TAG_SOURCES`)."""
    request_started.connect(tags.start_request, dispatch_uid="serving_request_started")
    request_finished.connect(tags.end_request, dispatch_uid="serving_request_finished")
    post_migrate.connect(_purge_after_migrate, sender=app_config, dispatch_uid="serving_migrated")
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
