from django.apps import AppConfig


class TopicsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "topics"

    def ready(self):
        from serving.tags import SHOWN_WHEN_LOADED

        from .home_section import register_topics
        from .models import Topic

        SHOWN_WHEN_LOADED.add(Topic)
        register_topics()
