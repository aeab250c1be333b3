from django.apps import AppConfig


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"

    def ready(self):
        from serving.tags import object_tag, page_tag, tie

        from .models import PageTopic, RelatedPin

        # A topic's page lists the pages carrying it; a pin shows its target in each language.
        topic_model = PageTopic._meta.get_field("topic").related_model
        tie(PageTopic, lambda link: {object_tag(topic_model, link.topic_id)}, page="page")
        tie(RelatedPin, lambda pin: {page_tag(pin.page_id)}, page="target")
