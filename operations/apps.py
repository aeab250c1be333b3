from django.apps import AppConfig
from django.db.backends.signals import connection_created


class OperationsConfig(AppConfig):
    """What running the site needs besides its pages: health endpoints for load
    balancers, the images served from the disk, and the backup and restore
    commands. No models."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from operations.outage import database_answered

        connection_created.connect(database_answered, dispatch_uid="operations.database_answered")
