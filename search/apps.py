from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from people.models import Person

        from . import indexing
        from .models import Synonym

        # Wagtail sends these with the page's specific class as sender.
        for model in get_page_models():
            label = model._meta.label_lower
            page_published.connect(indexing.on_page_published, sender=model, dispatch_uid=f"search_published_{label}")
            page_unpublished.connect(
                indexing.on_page_unpublished, sender=model, dispatch_uid=f"search_unpublished_{label}"
            )
            post_page_move.connect(indexing.on_page_moved, sender=model, dispatch_uid=f"search_moved_{label}")
        post_delete.connect(indexing.on_page_deleted, sender=Page, dispatch_uid="search_page_deleted")
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                indexing.on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_restriction_{name}"
            )
            signal.connect(indexing.on_synonym_changed, sender=Synonym, dispatch_uid=f"search_synonym_{name}")
            signal.connect(indexing.on_person_changed, sender=Person, dispatch_uid=f"search_person_{name}")
