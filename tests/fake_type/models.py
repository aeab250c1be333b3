from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from editorial.models import EditorialPage


class FieldNotePage(EditorialPage):
    author = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="field_notes"
    )
    observation = models.TextField(blank=True)

    content_panels = EditorialPage.content_panels + [FieldPanel("author"), FieldPanel("observation")]
    search_fields = EditorialPage.search_fields + [index.SearchField("observation")]
    translatable_fields = EditorialPage.translatable_fields + [TranslatableField("observation")]
    parent_page_types = ["home.HomePage"]
    template = "fake_type/field_note_page.html"
