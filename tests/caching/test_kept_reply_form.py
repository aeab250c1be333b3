"""An initiative with its reply form is never page-cached (each reader gets a
CSRF token of their own), so it is rendered for every reader: what is the same
for all of them is kept. Its partners and contact are kept with the routed
page, the blank form's fields apart from the token (`blank-form`). Each reader
still gets a token of their own, what one typed reaches nobody else, and an
editor's change reaches readers at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission

from initiatives.models import InitiativeIndexPage
from tests.initiatives.factories import initiative
from tests.kit.factories import PersonFactory
from tests.kit.html import soup
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db

REPLY = {"name": "Ada Lovelace", "email": "ada@example.org", "organisation": "Métropole de Lyon", "consent": "on"}


@pytest.fixture
def page(home_fr, settings):
    # Without the page cache, as for every reader of a page with a form.
    settings.PAGE_CACHE_ENABLED = False
    index = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    return initiative(index, contact_person=PersonFactory(name="Camille Martin", slug="camille-martin"))


def form_of(response):
    return soup(response, status=None).select_one("#formulaire form")


def test_an_initiative_rendered_again_runs_no_query(reader, page, settings):
    def queries_when_rendered_again():
        cache.clear()
        assert reader.get(page.url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = reader.get(page.url)
        assert form_of(response).select_one("[name=organisation]") is not None
        assert "France urbaine" in response.content.decode()
        return len(queries)

    settings.BODY_CACHE_ENABLED = False
    assert queries_when_rendered_again() > 0
    settings.BODY_CACHE_ENABLED = True
    assert queries_when_rendered_again() == 0


def test_each_reader_gets_a_token_of_their_own_and_their_reply_goes_through(page):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = [
        form_of(reader.get(page.url)).select_one("[name=csrfmiddlewaretoken]")["value"] for reader in (first, second)
    ]
    assert tokens[0] != tokens[1]
    response = second.post(page.url, {**REPLY, "csrfmiddlewaretoken": tokens[1]})
    assert response.status_code == 302
    assert FormSubmission.objects.get().form_data["organisation"] == "Métropole de Lyon"


def test_what_a_reader_typed_reaches_nobody_else(reader, page):
    assert reader.get(page.url).status_code == 200  # the blank form kept
    sent_back = Client().post(page.url, {**REPLY, "email": "pas-une-adresse", "organisation": "Mairie de Tulle"})
    assert sent_back.status_code == 400
    assert form_of(sent_back).select_one("[name=organisation]")["value"] == "Mairie de Tulle"
    assert [error.get_text() for error in form_of(sent_back).select(".errorlist li")] == [
        "Cette adresse e-mail n'est pas valide."
    ]
    form = form_of(reader.get(page.url))
    assert "Mairie de Tulle" not in str(form)
    assert "pas-une-adresse" not in str(form)
    assert not form.select(".errorlist, .notice--error")


def test_an_editors_change_to_the_form_partners_or_contact_reaches_readers_at_once(reader, page, editor_acts):
    shown = form_of(reader.get(page.url))
    assert shown.select_one("label[for=id_name]").get_text(strip=True) == "Nom et prénom *"
    with editor_acts():
        field = page.form_fields.get(clean_name="name")
        field.label = "Votre nom"
        field.save()
        page.save_revision().publish()
    assert form_of(reader.get(page.url)).select_one("label[for=id_name]").get_text(strip=True) == "Votre nom *"

    partner = page.partner_organisations[0]
    contact = page.contact_value["person"]
    with editor_acts():
        partner.name = "France Urbaine (association)"
        partner.save()
        contact.name = "Camille Martin-Roux"
        contact.save()
    shown = soup(reader.get(page.url)).get_text(" ")
    assert "France Urbaine (association)" in shown
    assert "Camille Martin-Roux" in shown
