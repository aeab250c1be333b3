"""Pages with a form: each reader gets a CSRF token of their own, so these
pages are never stored (they set the CSRF cookie); a form with errors is
private; and a page whose form closes or reopens follows its registrations."""

import pytest
from django.test import Client

from events.models import Registration
from home.models import StandardPage
from tests.events.factories import at, event_index, event_page
from tests.kit.html import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(home_fr):
    privacy = StandardPage(title="Confidentialité", slug="confidentialite", locale=home_fr.locale)
    home_fr.add_child(instance=privacy)
    privacy.save_revision().publish()
    index = event_index(home_fr, privacy_page=privacy)
    return event_page(
        index,
        "Atelier",
        slug="atelier",
        event_format="workshop",
        starts_at=at(2030, 3, 1, 18),
        registration_mode="form",
        capacity=1,
    )


def register(client, page, email):
    form = soup(client.get(page.url).content).select_one("form.registration__form")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    data = {"name": "Ada", "email": email, "organisation": "", "consent": "on", "csrfmiddlewaretoken": token}
    return client.post(form["action"], data)


def test_a_page_with_a_form_is_never_stored_and_every_token_works(workshop):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for reader in (first, second):
        response = reader.get(workshop.url)
        assert response["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in response
    assert register(second, workshop, "b@example.org").status_code == 302


def test_a_form_with_errors_is_private(workshop):
    response = Client().post(f"{workshop.url}inscription/", {"name": "", "email": "pas-une-adresse"})
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"


def submit_label(response):
    form = soup(response.content).select_one("form.registration__form")
    return form.select_one("button[type=submit]").get_text(strip=True)


def test_a_full_event_offers_its_waitlist_and_a_freed_seat_reopens_registration(workshop, editor_acts):
    """A full event's page carries the waitlist form, so like any page with a
    form it is never stored: the freed seat shows at the next visit."""
    assert register(Client(), workshop, "a@example.org").status_code == 302
    reader = Client()
    full = reader.get(workshop.url)
    assert full["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in full
    assert submit_label(full) == "Rejoindre la liste d'attente"
    with editor_acts():
        Registration.objects.get().delete()
    assert submit_label(reader.get(workshop.url)) == "Je m'inscris"
