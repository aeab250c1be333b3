"""Replies stored before wagtail.contrib.forms move to FormSubmission, and
initiatives with a built-in form get the fields of the former fixed form."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from editorial.localize import translate
from initiatives.models import InitiativeIndexPage
from tests.initiatives.factories import initiative
from tests.news.factories import add_child

BEFORE = [("initiatives", "0002_reply_form_fields")]
AFTER = [("initiatives", "0004_delete_initiativeresponse")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_replies_and_default_fields_are_migrated(homes):
    home_fr, _home_en = homes
    index = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    page = initiative(index)
    link = initiative(
        index, "Lien", slug="lien", call_to_action=[("link", {"label": "Go", "page": None, "url": "https://e.org"})]
    )
    translate(index, {"initiatives": "initiatives-en"})
    page_en = translate(page, {"concertations": "consultations"})

    apps = migrate(BEFORE)
    InitiativeFormField = apps.get_model("initiatives", "InitiativeFormField")
    InitiativeFormField.objects.all().delete()
    apps.get_model("initiatives", "InitiativeResponse").objects.create(
        page_id=page_en.pk,
        name="Alex Dupont",
        email="alex@example.org",
        organisation="Greater Lyon",
        message="Count us in.",
        consent=True,
        language="en",
    )
    received = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=datetime.UTC)
    apps.get_model("initiatives", "InitiativeResponse").objects.update(created_at=received)

    apps = migrate(AFTER)
    [submission] = apps.get_model("wagtailforms", "FormSubmission").objects.all()
    assert submission.page_id == page_en.pk and submission.submit_time == received
    assert submission.form_data == {
        "name": "Alex Dupont",
        "email": "alex@example.org",
        "organisation": "Greater Lyon",
        "message": "Count us in.",
        "consent": True,
        "language": "en",
    }
    fields = apps.get_model("initiatives", "InitiativeFormField").objects.order_by("page_id", "sort_order")
    french = [(f.clean_name, f.label) for f in fields if f.page_id == page.pk]
    english = [(f.clean_name, f.label) for f in fields if f.page_id == page_en.pk]
    assert french == [
        ("name", "Nom et prénom"),
        ("email", "Adresse e-mail"),
        ("organisation", "Collectivité ou structure"),
        ("message", "Message"),
    ]
    assert english == [
        ("name", "Full name"),
        ("email", "E-mail address"),
        ("organisation", "Local authority or organisation"),
        ("message", "Message"),
    ]
    assert [f.translation_key for f in fields if f.page_id == page.pk] == [
        f.translation_key for f in fields if f.page_id == page_en.pk
    ]
    assert not [f for f in fields if f.page_id == link.pk]
