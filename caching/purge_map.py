"""The signals that purge what an editor changed, as cache tags (`serving.tags`).

A response names what it shows: the pages, topics and people its render
loaded, and the listings it shows (`list-<id>`, a page's children). So a
changed page (published, unpublished, moved, deleted, made private or public)
purges its own tag and its translations' (their hreflang), the listings of its
parent and of its language's home (where a new page appears), the sitemap,
and what the rows tying it to other pages name (`serving.tags.TIES`, filled
by each content app: its topics' and people's pages, the pages pinning it).
A topic, person or organisation purges its own tag and its index's listing.
What every page reads through the site-wide data (menus, settings, images...)
has its own tag (`serving.registry`); docs/caching.md has the table."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_init, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from editorial.snippet_index import SnippetIndexPage
from serving.tags import SHOWN_WHEN_LOADED, TIES, list_tag, object_tag, page_tag, purge, shows, view_tag


def _tied(keys):
    """The tags named by the rows tying the pages of these translation keys to others."""
    tags = set()
    for model, (field, tags_of) in TIES.items():
        if field is None:  # rows of no page's content (registrations)
            continue
        for row in model.objects.filter(**{f"{field}__translation_key__in" if field else "translation_key__in": keys}):
            tags |= tags_of(row)
    return tags


def _for_pages(pages):
    keys = {page.translation_key for page in pages}
    listings = {page.path[: -Page.steplen] for page in pages} | {page.path[: Page.steplen * 2] for page in pages}
    rows = Page.objects.filter(Q(translation_key__in=keys) | Q(path__in=listings)).values_list("pk", "path")
    return (
        {list_tag(pk) if path in listings else page_tag(pk) for pk, path in rows} | _tied(keys) | {view_tag("sitemap")}
    )


def _for_snippet(snippet):
    indexes = [m for m in get_page_models() if issubclass(m, SnippetIndexPage) and m.snippet_model is type(snippet)]
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


def connect_signals():
    for model in get_page_models():
        label = model._meta.label_lower
        post_init.connect(_loaded, sender=model, dispatch_uid=f"caching_loaded_{label}")
        page_published.connect(_changed, sender=model, dispatch_uid=f"caching_published_{label}")
        page_unpublished.connect(_changed, sender=model, dispatch_uid=f"caching_unpublished_{label}")
        pre_page_move.connect(_subtree_changed, sender=model, dispatch_uid=f"caching_moving_{label}")
        post_page_move.connect(_subtree_changed, sender=model, dispatch_uid=f"caching_moved_{label}")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="caching_page_deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_subtree_changed, sender=PageViewRestriction, dispatch_uid=f"caching_restriction_{name}")
        for model, (_field, tags_of) in TIES.items():
            if not issubclass(model, Page):  # a page type's own fields change with its publication
                signal.connect(
                    lambda sender, instance, tags_of=tags_of, **kwargs: purge(tags_of(instance)),
                    sender=model,
                    weak=False,
                    dispatch_uid=f"caching_{name}_{model._meta.label_lower}",
                )
    # Deleted snippets are looked up before they go: their pages still point to them.
    for model in SHOWN_WHEN_LOADED:
        label = model._meta.label_lower
        post_init.connect(_loaded, sender=model, dispatch_uid=f"caching_loaded_{label}")
        for name, signal in (("saved", post_save), ("deleting", pre_delete)):
            signal.connect(_snippet_changed, sender=model, dispatch_uid=f"caching_{name}_{label}")
