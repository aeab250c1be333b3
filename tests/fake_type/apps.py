from django.apps import AppConfig


class FakeTypeConfig(AppConfig):
    """A fifth content type, installed by the test settings only: it plugs
    itself in as the README says a content type does (tests/fake_type/test_plug_in.py)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "tests.fake_type"
    label = "fake_type"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from editorial.content_types import Contribution, HomeSection, register
        from people.models import Person
        from serving.tags import object_tag

        from .models import FieldNotePage

        def latest(page, request):
            notes = FieldNotePage.objects.live().public().filter(locale_id=page.locale_id).order_by("-pk")[:3]
            return {"notes": list(notes)}

        def written(person, visible):
            return visible.filter(pk__in=person.field_notes.values("pk")).order_by("-pk")

        register(
            "fake_type",
            home_sections=[HomeSection("field_notes", _("Carnets"), "fake_type/home_section.html", latest, order=5)],
            contributions=[Contribution("field_notes", _("Carnets"), _("Pages des carnets"), written)],
            ties=[(FieldNotePage, lambda note: {object_tag(Person, note.author_id)} if note.author_id else set())],
        )
