"""An editor creates a person or an organisation from the chooser, without leaving the page."""

import pytest
from django.urls import reverse

from people.models import Organisation, Person
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


def test_the_person_chooser_offers_a_creation_form(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippetchoosers_people_person:choose") + "?locale=fr")
    parsed = soup(response.json()["html"])
    assert "Nouvelle personne" in parsed.get_text()
    assert {field["name"] for field in parsed.select("form[data-chooser-modal-creation-form] [name]")} >= {
        "name",
        "role",
        "organisation",
    }


def test_an_editor_creates_a_person_with_an_ascii_slug(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippetchoosers_people_person:create") + "?locale=fr"
    for _ in range(2):
        response = client.post(url, {"name": "Zoé Lefèvre-Müller", "role": "Économiste", "organisation": ""})
        assert response.json()["step"] == "chosen"
    people = Person.objects.filter(name="Zoé Lefèvre-Müller").order_by("pk")
    assert [(person.slug, person.locale.language_code) for person in people] == [
        ("zoe-lefevre-muller", "fr"),
        ("zoe-lefevre-muller-2", "fr"),
    ]


def test_a_person_without_a_name_is_refused_in_the_chooser(client, editor):
    client.force_login(editor)
    response = client.post(reverse("wagtailsnippetchoosers_people_person:create"), {"name": "", "role": ""})
    assert response.status_code == 200 and response.json()["step"] != "chosen"
    assert not Person.objects.exists()


def test_an_editor_creates_an_organisation(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippetchoosers_people_organisation:create") + "?locale=fr",
        {"name": "Agence de l'écologie", "acronym": "ADE", "website": ""},
    )
    assert response.json()["step"] == "chosen"
    assert Organisation.objects.get(acronym="ADE").locale.language_code == "fr"


@pytest.mark.parametrize(("user", "language"), [("translator", "fr"), ("editor", "en")])
def test_nobody_creates_from_a_chooser_in_a_language_they_may_not_change(client, request, user, language):
    client.force_login(request.getfixturevalue(user))
    response = client.post(
        reverse("wagtailsnippetchoosers_people_person:create") + f"?locale={language}",
        {"name": "Personne refusée", "role": "", "organisation": ""},
    )
    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not Person.objects.filter(name="Personne refusée").exists()
