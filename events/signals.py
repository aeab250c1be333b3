"""Keep `EventParticipation` in step with what is live (deleting a page cascades to its rows)."""

from wagtail.signals import page_published, page_unpublished

from .models import EventPage, EventParticipation, rebuild_participations


def _rebuild(sender, instance, **kwargs):
    rebuild_participations(instance)


def _unpublished(sender, instance, **kwargs):
    EventParticipation.objects.filter(event_id=instance.pk).delete()


def connect_signals():
    page_published.connect(_rebuild, sender=EventPage, dispatch_uid="events_participations_published")
    page_unpublished.connect(_unpublished, sender=EventPage, dispatch_uid="events_participations_unpublished")
