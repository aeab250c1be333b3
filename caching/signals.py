"""What purges, on which signal (the purge map itself is in purge_map)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from editorial.models import PageTopic
from events.models import EventParticipation, Registration
from navigation.models import Menu
from people.models import Organisation, Person
from reports.models import ReportAuthor
from topics.models import Topic

from .purge import purge_for, purge_on_commit
from .purge_map import people_leaving, urls_for


def _changed(sender, instance, **kwargs):
    purge_for(instance)


def _topic_removed(sender, instance, **kwargs):
    purge_for(instance, removed=True)


def _page_saving(sender, instance, update_fields=None, **kwargs):
    purge_on_commit(people_leaving(instance, update_fields))


def _page_moved(sender, instance, **kwargs):
    # Sent before the move (old URLs, old parent) and after it (new ones).
    purge_for(instance, subtree=True)


def _page_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page being deleted without sending page_unpublished.
    if instance.live:
        purge_for(instance)


def _slug_changed(sender, instance, instance_before, **kwargs):
    old_root, new_root = instance_before.get_full_url(), instance.get_full_url()
    urls = urls_for(instance, subtree=True)
    if old_root and new_root:
        urls |= {old_root + url[len(new_root) :] for url in urls if url.startswith(new_root)}
    purge_on_commit(urls)


def connect_setting(model):
    """A setting (BaseSiteSetting, BaseGenericSetting) may show on any page."""
    label = model._meta.label_lower
    post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{label}")
    pre_delete.connect(_changed, sender=model, dispatch_uid=f"caching_deleting_{label}")


def connect_signals():
    for model in get_page_models():
        label = model._meta.label_lower
        page_published.connect(_changed, sender=model, dispatch_uid=f"caching_published_{label}")
        page_unpublished.connect(_changed, sender=model, dispatch_uid=f"caching_unpublished_{label}")
        pre_page_move.connect(_page_moved, sender=model, dispatch_uid=f"caching_moving_{label}")
        post_page_move.connect(_page_moved, sender=model, dispatch_uid=f"caching_moved_{label}")
        page_slug_changed.connect(_slug_changed, sender=model, dispatch_uid=f"caching_slug_{label}")
        if any(field.is_relation and field.related_model is Person for field in model._meta.concrete_fields):
            pre_save.connect(_page_saving, sender=model, dispatch_uid=f"caching_saving_{label}")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="caching_page_deleted")
    for model in [PageViewRestriction, Menu, PageTopic, ReportAuthor, EventParticipation, Registration]:
        post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{model._meta.label_lower}")
        deleted = _topic_removed if model is PageTopic else _changed
        post_delete.connect(deleted, sender=model, dispatch_uid=f"caching_deleted_{model._meta.label_lower}")
    # Deleted snippets are looked up before they go: their pages still point to them.
    for model in [Topic, Person, Organisation]:
        post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{model._meta.label_lower}")
        pre_delete.connect(_changed, sender=model, dispatch_uid=f"caching_deleting_{model._meta.label_lower}")
    for model in apps.get_models():
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
            connect_setting(model)
