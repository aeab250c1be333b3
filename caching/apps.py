from django.apps import AppConfig


class CachingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "caching"

    def ready(self):
        from .signals import connect_signals

        connect_signals()
