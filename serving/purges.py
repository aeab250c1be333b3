"""The signals that purge what an editor changed, as cache tags (`serving.tags`).
Each tag of `serving.registry` is purged by the models it names (menus,
settings, images, view restrictions...); pages, snippets and the rows tying
them are purged as follows.

A response names what it shows: the pages, topics and people its render
loaded, and the listings it shows (`list-<id>`, a page's children). So a
changed page (published, unpublished, moved, deleted, made private or public)
purges its own tag and its translations' (their hreflang), the listings of its
parent and of its language's home (where a new page appears), the sitemap,
and what the rows tying it to other pages name (`serving.tags.TIES`, filled
by each content app: its topics' and people's pages, the pages pinning it).
A topic, person or organisation purges its own tag and its index's listing.
docs/caching.md has the table of what purges what."""

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_init, post_migrate, post_save, pre_delete
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import tags
from .registry import MEDIA, PAGES, SITE, TAG_SOURCES
from .tags import SHOWN_WHEN_LOADED, TIES, list_tag, object_tag, page_tag, purge, shows, view_tag


def _tied(keys):
    """The tags named by the rows tying the pages of these translation keys to others."""
    found = set()
    for model, (field, tags_of) in TIES.items():
        if field is None:  # rows of no page's content (registrations)
            continue
        for row in model.objects.filter(**{f"{field}__translation_key__in" if field else "translation_key__in": keys}):
            found |= tags_of(row)
    return found


def _for_pages(pages):
    keys = {page.translation_key for page in pages}
    listings = {page.path[: -Page.steplen] for page in pages} | {page.path[: Page.steplen * 2] for page in pages}
    rows = Page.objects.filter(Q(translation_key__in=keys) | Q(path__in=listings)).values_list("pk", "path")
    return (
        {list_tag(pk) if path in listings else page_tag(pk) for pk, path in rows} | _tied(keys) | {view_tag("sitemap")}
    )


def _for_snippet(snippet):
    indexes = [m for m in get_page_models() if getattr(m, "snippet_model", None) is type(snippet)]
    listings = [m.objects.filter(locale_id=snippet.locale_id).values("pk") for m in indexes]
    return {object_tag(type(snippet), snippet.pk)} | {list_tag(row["pk"]) for rows in listings for row in rows}


def _changed(sender, instance, **kwargs):
    purge(_for_pages([instance]))


def _subtree_changed(sender, instance, **kwargs):
    # A move is sent before it (old parent) and after it (new one).
    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    purge(_for_pages(Page.objects.descendant_of(page, inclusive=True)))


def _page_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page being deleted without sending page_unpublished.
    if instance.live:
        _changed(sender, instance)


def _snippet_changed(sender, instance, **kwargs):
    purge(_for_snippet(instance))


def _loaded(sender, instance, **kwargs):
    if instance.pk is not None:
        shows(page_tag(instance.pk) if isinstance(instance, Page) else object_tag(sender, instance.pk))


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
    """The request's memo; the purge of each tag by the models it names
    (`TAG_SOURCES`), of pages, of the rows tying them and of snippets."""
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
    # Wagtail sends these with the specific page type as sender: connected for every sender.
    for name, signal, receiver in (
        ("published", page_published, _changed),
        ("unpublished", page_unpublished, _changed),
        ("moving", pre_page_move, _subtree_changed),
        ("moved", post_page_move, _subtree_changed),
    ):
        signal.connect(receiver, dispatch_uid=f"serving_page_{name}")
        if name != "moving":
            signal.connect(_purging(PAGES), weak=False, dispatch_uid=f"serving_pages_{name}")
    post_delete.connect(_purging(PAGES), sender=Page, weak=False, dispatch_uid="serving_page_deleted")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="serving_page_deleting")
    for model in [*get_page_models(), *SHOWN_WHEN_LOADED]:
        post_init.connect(_loaded, sender=model, dispatch_uid=f"serving_loaded_{model._meta.label_lower}")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_subtree_changed, sender=PageViewRestriction, dispatch_uid=f"serving_restriction_{name}")
        for model, (_field, tags_of) in TIES.items():
            if not issubclass(model, Page):  # a page type's own fields change with its publication
                signal.connect(
                    lambda sender, instance, tags_of=tags_of, **kwargs: purge(tags_of(instance)),
                    sender=model,
                    weak=False,
                    dispatch_uid=f"serving_{name}_{model._meta.label_lower}",
                )
    # Deleted snippets are looked up before they go: their pages still point to them.
    for model in SHOWN_WHEN_LOADED:
        for name, signal in (("saved", post_save), ("deleting", pre_delete)):
            signal.connect(_snippet_changed, sender=model, dispatch_uid=f"serving_{name}_{model._meta.label_lower}")
