from django.apps import AppConfig


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"

    def ready(self):
        from . import rendered_body, sitewide

        sitewide.connect_signals(self)
        rendered_body.connect_signals()
