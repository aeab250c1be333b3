"""What purges, on which signal (the purge map itself is in purge_map)."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from editorial.models import PageTopic
from events.models import EventParticipation, Registration
from people.models import Organisation, Person
from reports.models import ReportAuthor
from serving.tags import purge
from topics.models import Topic

from .purge_map import people_leaving, tags_for


def _changed(sender, instance, **kwargs):
    purge(tags_for(instance))


def _topic_removed(sender, instance, **kwargs):
    purge(tags_for(instance, removed=True))


def _page_saving(sender, instance, update_fields=None, **kwargs):
    purge(people_leaving(instance, update_fields))


def _page_moved(sender, instance, **kwargs):
    # Sent before the move (old parent) and after it (new one).
    purge(tags_for(instance, subtree=True))


def _page_deleted(sender, instance, **kwargs):
    # Wagtail unpublishes a live page being deleted without sending page_unpublished.
    if instance.live:
        purge(tags_for(instance))


def connect_signals():
    for model in get_page_models():
        label = model._meta.label_lower
        page_published.connect(_changed, sender=model, dispatch_uid=f"caching_published_{label}")
        page_unpublished.connect(_changed, sender=model, dispatch_uid=f"caching_unpublished_{label}")
        pre_page_move.connect(_page_moved, sender=model, dispatch_uid=f"caching_moving_{label}")
        post_page_move.connect(_page_moved, sender=model, dispatch_uid=f"caching_moved_{label}")
        if any(field.is_relation and field.related_model is Person for field in model._meta.concrete_fields):
            pre_save.connect(_page_saving, sender=model, dispatch_uid=f"caching_saving_{label}")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="caching_page_deleted")
    for model in [PageViewRestriction, PageTopic, ReportAuthor, EventParticipation, Registration]:
        post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{model._meta.label_lower}")
        deleted = _topic_removed if model is PageTopic else _changed
        post_delete.connect(deleted, sender=model, dispatch_uid=f"caching_deleted_{model._meta.label_lower}")
    # Deleted snippets are looked up before they go: their pages still point to them.
    for model in [Topic, Person, Organisation]:
        post_save.connect(_changed, sender=model, dispatch_uid=f"caching_saved_{model._meta.label_lower}")
        pre_delete.connect(_changed, sender=model, dispatch_uid=f"caching_deleting_{model._meta.label_lower}")
