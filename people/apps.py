from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"

    def ready(self):
        from serving.tags import SHOWN_WHEN_LOADED

        from .models import Organisation, Person

        SHOWN_WHEN_LOADED.update((Person, Organisation))
