from django.apps import AppConfig


class TopicsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "topics"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from editorial.sitewide import invalidate_sitewide

        from .models import Topic

        # The home page's topic entry points are kept with the site-wide data.
        post_save.connect(invalidate_sitewide, sender=Topic, dispatch_uid="topics_topic_saved")
        post_delete.connect(invalidate_sitewide, sender=Topic, dispatch_uid="topics_topic_deleted")
