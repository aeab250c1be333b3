from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "caching"
    verbose_name = _("Cache des pages")

    def ready(self):
        from .signals import connect_signals

        connect_signals()
