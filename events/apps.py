from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Événements")

    def ready(self):
        from .content_type import register_events
        from .signals import connect_signals

        connect_signals()
        register_events()
