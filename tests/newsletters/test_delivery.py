"""A newsletter issue composed in the admin, previewed, tested and sent to its
language's subscribers through a real SMTP server; one-click unsubscribe."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from newsletters.models import Delivery, DeliveryStatus, NewsletterIssue, NewsletterItem, Subscriber, SubscriberStatus
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.kit.pages import make_private
from tests.reports.factories import report, report_index

from .smtp import text_of

pytestmark = pytest.mark.django_db


def subscriber(email, language="fr", status=SubscriberStatus.ACTIVE, **fields):
    return Subscriber.objects.create(email=email, language=language, status=status, **fields)


@pytest.fixture
def issue(home_fr):
    index = report_index(home_fr)
    topic = TopicFactory()
    shown = report(index, "Sobriété numérique", topics=[topic], summary="Ce que coûte un centre de données.")
    hidden = make_private(report(index, "Rapport réservé", topics=[topic]))
    draft = report(index, "Brouillon", topics=[topic], publish=False)
    issue = NewsletterIssue.objects.create(
        subject="La lettre de mars",
        intro=f'<p>Bonjour à toutes et à tous. Lisez <a linktype="page" id="{shown.pk}">notre rapport</a>.</p>',
        locale=home_fr.locale,
    )
    for order, page in enumerate((shown, hidden, draft)):
        NewsletterItem.objects.create(issue=issue, page=page, sort_order=order, locale=home_fr.locale)
    return issue


def test_the_issue_goes_to_its_languages_subscribers_with_unsubscribe_headers(
    superuser_client, issue, smtp_server, django_capture_on_commit_callbacks
):
    subscriber("ada@example.org")
    subscriber("bob@example.org", language="en")
    subscriber("cy@example.org", newsletter=False)
    subscriber("dee@example.org", status=SubscriberStatus.PENDING)
    subscriber("eve@example.org", status=SubscriberStatus.UNSUBSCRIBED)

    page = superuser_client.get(f"/admin/newsletters/{issue.pk}/")
    assert "1 abonné confirmé de cette langue la recevra." in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(f"/admin/newsletters/{issue.pk}/", follow=True)
    assert "Envoi lancé vers 1 abonnés" in response.text

    (message,) = smtp_server.messages
    assert message["To"] == "ada@example.org" and message["Subject"] == "La lettre de mars"
    assert message["Content-Language"] == "fr" and message["Message-ID"].endswith("@example.org>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url.startswith("http://testserver/fr/lettre/desabonner/")
    text = text_of(message)
    assert "Sobriété numérique" in text and "Ce que coûte un centre de données." in text
    assert "Rapport réservé" not in text and "Brouillon" not in text
    assert unsubscribe_url in text
    html = message.get_body(preferencelist=("html",)).get_content()
    doc = soup(html)
    assert doc.find("table") and not doc.find("style") and not doc.find("link")
    assert all(img.has_attr("alt") for img in doc.find_all("img")), "no image without alt text (no pixel)"
    assert doc.find("a", string="Sobriété numérique")["href"] == "http://testserver/fr/rapports/sobriete-numerique/"
    # The editor's link in the introduction reaches the page from a mail client too.
    assert doc.find("a", string="notre rapport")["href"] == "http://testserver/fr/rapports/sobriete-numerique/"
    assert "Bonjour à toutes et à tous. Lisez notre rapport." in text
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.DONE and delivery.counts() == {"sent": 1, "failed": 0, "total": 1}
    listing = superuser_client.get(f"/admin/newsletters/{issue.pk}/").text
    assert "Envoyée" in listing

    # A mail client's one-click unsubscribe: a POST without cookie nor token.
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(email="ada@example.org").status == SubscriberStatus.UNSUBSCRIBED
    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(f"/admin/newsletters/{issue.pk}/")
    assert len(smtp_server.messages) == 1


def test_preview_and_test_send_to_oneself(superuser_client, issue, smtp_server):
    preview = superuser_client.get(f"/admin/newsletters/{issue.pk}/preview/")
    assert preview.status_code == 200 and "Sobriété numérique" in preview.text
    assert (
        "Bonjour à toutes et à tous."
        in superuser_client.get(f"/admin/newsletters/{issue.pk}/preview/?format=text").text
    )
    response = superuser_client.post(f"/admin/newsletters/{issue.pk}/test/", follow=True)
    assert "Un envoi de test est parti vers administratrice@example.org." in response.text
    (message,) = smtp_server.messages
    assert message["To"] == "administratrice@example.org" and message["Subject"] == "[TEST] La lettre de mars"
    assert not Delivery.objects.exists()


def test_staff_without_the_permission_cannot_send(issue, home_fr):
    user = get_user_model().objects.create_user("someone", "s@example.org", "password", is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.post(f"/admin/newsletters/{issue.pk}/").status_code in (302, 403)
    assert not Delivery.objects.exists()


def test_a_provider_plugs_in_by_settings_alone(settings, issue, mailoutbox):
    """django-anymail's test backend stands for Brevo, Mailjet, SES...: the same
    message, headers included, goes through the provider's API instead of SMTP."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    from newsletters.delivery import bulk_message

    reader = subscriber("ada@example.org", language="en")
    bulk_message(reader, subject="S", text="T {{ unsubscribe_url }}", html="", base_url="https://example.org").send()
    (message,) = mailoutbox
    assert message.anymail_test_params["extra_headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.anymail_test_params["extra_headers"]["Content-Language"] == "en"
    assert "https://example.org/en/newsletter/unsubscribe/" in message.body


def test_gdpr_export_and_erasure_from_the_admin(
    superuser_client, issue, smtp_server, django_capture_on_commit_callbacks
):
    reader = subscriber("ada@example.org", consent_text="J'accepte.", consent_page="/fr/")
    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(f"/admin/newsletters/{issue.pk}/")
    listing = superuser_client.get("/admin/subscribers/")
    assert f"/admin/subscribers/{reader.pk}/export/" in listing.text
    data = superuser_client.get(f"/admin/subscribers/{reader.pk}/export/").json()
    assert (
        data["email"] == "ada@example.org" and data["consent_text"] == "J'accepte." and data["consent_page"] == "/fr/"
    )
    assert [delivery["issue"] for delivery in data["deliveries"]] == ["La lettre de mars"]

    assert superuser_client.post(f"/admin/subscribers/delete/{reader.pk}/").status_code == 302
    assert not Subscriber.objects.exists()
    assert Delivery.objects.get().counts()["sent"] == 0, "what it was sent is erased with it"
