from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Événements")

    def ready(self):
        from people.models import Person
        from serving.tags import object_tag, tie

        from .models import EventParticipation, Registration, seats_tag
        from .signals import connect_signals

        connect_signals()
        # A speaker's page lists their sessions; an event's page in each language shows the seats left.
        tie(EventParticipation, lambda link: {object_tag(Person, link.person_id)}, page="event")
        tie(Registration, lambda registration: {seats_tag(registration.event_key)}, page=None)
