from django.apps import AppConfig


class CachingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "caching"

    def ready(self):
        from .purge_map import connect_signals

        connect_signals()
