"""Readers replying to an initiative's built-in form, through HTTP."""

import email
import email.policy
import logging
import smtplib

import pytest
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from editorial.localize import translate
from initiatives.models import InitiativeFormField, InitiativeIndexPage
from tests.initiatives.factories import initiative
from tests.kit.html import soup
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db

FORM_DATA = {
    "name": "Alex Dupont",
    "email": "alex@example.org",
    "organisation": "Métropole de Lyon",
    "message": "Nous voulons participer.",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def index(home_fr):
    return add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))


@pytest.fixture
def page(index):
    return initiative(index)


def typed(response, name):
    field = soup(response, status=None).select_one(f'form [name="{name}"]')
    return field.get("value") or field.get_text().strip()


def errors(response):
    return [item.get_text() for item in soup(response, status=400).select("form .errorlist li")]


class FakeSMTP:
    """Stands for the mail server behind Django's SMTP backend."""

    sent = []
    fail = False

    def __init__(self, *args, **kwargs):
        if self.fail:
            raise smtplib.SMTPConnectError(421, "Service not available")

    def sendmail(self, from_address, recipients, message):
        FakeSMTP.sent.append(message.decode())

    def quit(self):
        pass

    close = quit


@pytest.fixture
def smtp(settings, monkeypatch):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    monkeypatch.setattr(FakeSMTP, "sent", [])
    monkeypatch.setattr(FakeSMTP, "fail", False)
    monkeypatch.setattr("django.core.mail.backends.smtp.smtplib.SMTP", FakeSMTP)
    return FakeSMTP


def test_reply_is_stored_mailed_to_the_contact_and_confirmed(client, page, mailoutbox):
    response = client.post(page.url, FORM_DATA)
    assert response.status_code == 302
    submission = FormSubmission.objects.get()
    assert submission.page_id == page.pk
    assert submission.form_data == {
        "name": "Alex Dupont",
        "email": "alex@example.org",
        "organisation": "Métropole de Lyon",
        "message": "Nous voulons participer.",
        "consent": True,
        "language": "fr",
    }
    assert mailoutbox[0].to == ["camille.martin@example.org"]
    assert mailoutbox[0].subject == "[Concertations territoriales de l'IA] Alex Dupont"
    assert "Collectivité ou structure : Métropole de Lyon" in mailoutbox[0].body
    # The reader lands on the confirmation, in place of the form, focused.
    assert response["Location"] == f"{page.url}#confirmation"
    landing = soup(client.get(response["Location"]))
    notice = landing.select_one("#formulaire #confirmation[role=status][tabindex='-1'][autofocus]")
    assert notice.p.get_text() == "Merci, c'est noté !"
    assert landing.select_one("#formulaire form") is None
    assert soup(client.get(page.url)).select_one("#formulaire form")  # once only

    acknowledgment = mailoutbox[1]
    assert acknowledgment.to == ["alex@example.org"]
    assert acknowledgment.subject == "Votre réponse à « Concertations territoriales de l'IA »"
    assert "Nous avons bien reçu votre réponse" in acknowledgment.body
    assert "Merci, c'est noté !" in acknowledgment.body and f"http://testserver{page.url}" in acknowledgment.body


def test_the_form_shows_the_editors_fields_then_consent(client, page):
    form = soup(client.get(page.url)).select_one("#formulaire form")
    names = [field["name"] for field in form.select("input, textarea") if field["name"] != "csrfmiddlewaretoken"]
    assert names == ["name", "email", "organisation", "message", "consent", "website"]
    assert form.select_one(".visually-hidden[aria-hidden=true] #id_website")  # the honeypot, hidden

    InitiativeFormField.objects.create(
        page=page, label="Taille de la collectivité", field_type="dropdown", choices="Commune\nMétropole", sort_order=9
    )
    page.save_revision().publish()
    form = soup(client.get(page.url)).select_one("#formulaire form")
    assert [option.get_text() for option in form.select("select option")] == ["Commune", "Métropole"]
    client.post(page.url, {**FORM_DATA, "taille_de_la_collectivite": "Métropole"})
    assert FormSubmission.objects.get().form_data["taille_de_la_collectivite"] == "Métropole"


def test_errors_in_french_keep_what_was_typed(client, page):
    response = client.post(page.url, {**FORM_DATA, "email": "pas-une-adresse", "consent": ""})
    assert response.status_code == 400
    assert errors(response) == [
        "Cette adresse e-mail n'est pas valide.",
        "Cochez cette case pour envoyer le formulaire.",
    ]
    assert typed(response, "organisation") == "Métropole de Lyon"
    assert typed(response, "message") == "Nous voulons participer."
    assert not FormSubmission.objects.exists()


def test_english_page_has_english_labels_errors_and_the_same_data_names(client, index, page, mailoutbox):
    translate(index, {"initiatives": "initiatives-en"})
    page_en = translate(page, {"concertations": "consultations", "Collectivité ou structure": "Local authority"})
    html = soup(client.get(page_en.url))
    assert html.select_one('label[for="id_organisation"]').get_text(strip=True) == "Local authority *"

    response = client.post(page_en.url, {**FORM_DATA, "email": "nope", "name": ""})
    assert response.status_code == 400
    assert errors(response) == ["This field is required.", "This e-mail address is not valid."]
    assert typed(response, "organisation") == "Métropole de Lyon"

    assert client.post(page_en.url, FORM_DATA).status_code == 302
    submission = FormSubmission.objects.get()
    assert (submission.page_id, submission.form_data["organisation"], submission.form_data["language"]) == (
        page_en.pk,
        "Métropole de Lyon",
        "en",
    )
    acknowledgment = mailoutbox[-1]
    assert acknowledgment.to == ["alex@example.org"]
    assert acknowledgment.subject.startswith("Your reply to")
    assert "We have received your reply" in acknowledgment.body


def test_honeypot_pretends_success_and_keeps_nothing(client, page, mailoutbox):
    response = client.post(page.url, {**FORM_DATA, "website": "https://spam.example"})
    assert response.status_code == 302
    assert not FormSubmission.objects.exists() and not mailoutbox


def test_rate_limit_per_client(client, page, settings, mailoutbox):
    settings.INITIATIVES_REPLY_RATE_LIMIT = (2, 600)
    assert client.post(page.url, FORM_DATA).status_code == 302
    assert client.post(page.url, {**FORM_DATA, "email": "faute"}).status_code == 400
    response = client.post(page.url, {**FORM_DATA, "name": "Troisième"})
    assert response.status_code == 429
    assert (
        "Trop de tentatives depuis votre connexion."
        in soup(response, status=429).select_one("form [role=alert]").get_text()
    )
    assert typed(response, "name") == "Troisième"
    assert FormSubmission.objects.count() == 1 and len(mailoutbox) == 2  # to the contact, to the reader
    other = client.__class__(REMOTE_ADDR="10.0.0.2")
    assert other.post(page.url, FORM_DATA).status_code == 302


def test_line_breaks_in_a_name_cannot_reach_the_mail_headers(client, page, smtp):
    name = "Alex\r\nBcc: victim@example.org\nDupont"
    response = client.post(page.url, {**FORM_DATA, "name": name, "message": "Ligne 1\r\nLigne 2"})
    assert response.status_code == 302
    data = FormSubmission.objects.get().form_data
    assert data["name"] == "Alex Bcc: victim@example.org Dupont"
    assert data["message"] == "Ligne 1\nLigne 2"
    message, _acknowledgment = [email.message_from_string(sent, policy=email.policy.default) for sent in smtp.sent]
    assert message["Subject"] == "[Concertations territoriales de l'IA] Alex Bcc: victim@example.org Dupont"
    assert message["Bcc"] is None and message["To"] == "camille.martin@example.org"


def test_mail_server_failure_keeps_the_reply_and_is_logged(client, page, smtp, caplog):
    smtp.fail = True
    with caplog.at_level(logging.ERROR, logger="background.retry"):
        response = client.post(page.url, FORM_DATA)
    assert response.status_code == 302
    assert FormSubmission.objects.count() == 1
    assert "Task send_mail failed for good" in caplog.text
    assert soup(client.get(response["Location"])).select_one("#confirmation p").get_text() == "Merci, c'est noté !"


def test_closed_initiative_takes_no_reply(client, index):
    page = initiative(index, status="finished")
    response = client.post(page.url, FORM_DATA)
    assert response.status_code == 200
    assert soup(response).select_one("#formulaire form") is None
    assert "Les inscriptions à cette initiative sont closes." in soup(response).select_one("#formulaire").get_text()
    assert not FormSubmission.objects.exists()


def test_link_call_to_action_stays_a_link(client, index):
    page = initiative(
        index,
        call_to_action=[("link", {"label": "S'inscrire", "page": None, "url": "https://example.org/inscription"})],
    )
    response = client.post(page.url, FORM_DATA)
    assert response.status_code == 200
    link = soup(response).select_one("#formulaire a.button")
    assert (link["href"], link.get_text()) == ("https://example.org/inscription", "S'inscrire")
    assert soup(response).select_one("#formulaire form") is None
    assert not FormSubmission.objects.exists()
