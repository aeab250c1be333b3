from wagtail.signals import page_published

from editorial.models import EditorialPage

from .alerts import announce_translation


def on_page_published(sender, instance, **kwargs):
    announce_translation(instance)


def connect():
    for model in EditorialPage.page_types():
        page_published.connect(on_page_published, sender=model, dispatch_uid=f"newsletters-alerts-{model._meta.label}")
