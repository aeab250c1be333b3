"""What registrants meet after registering: the confirmation page with the
practical details, the link of their e-mails to cancel (which offers the seat
to the waitlist), the offer they take, the reminder the day before with its
.ics, and the staff registering a waiting reader by hand."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, paris
from tests.kit.html import soup

from .factories import event_index, event_page

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/inscription/[0-9a-f]{32}-[0-9a-f]{32}/)")


@pytest.fixture
def workshop(home_fr):
    return event_page(
        event_index(home_fr),
        "Atelier",
        slug="atelier",
        registration_mode="form",
        capacity=1,
        venue_name="Maison de la Chimie",
        street_address="28 rue Saint-Dominique",
        postcode="75007",
        city="Paris",
    )


def register(client, page, email):
    data = {"name": email.split("@")[0], "email": email, "organisation": "", "consent": "on"}
    return client.post(page.url + page.reverse_subpage("register"), data)


def test_the_confirmation_page_gives_the_practical_details(client, workshop):
    response = register(client, workshop, "ada@example.org")
    doc = soup(client.get(response["Location"]).text)
    text = doc.main.get_text(" ", strip=True)
    assert "7 février 2030" in text and "Maison de la Chimie" in text and "75007 Paris" in text
    assert doc.select_one("a[type='text/calendar']")["href"] == "/fr/evenements/atelier/calendrier/"
    assert doc.find("a", string="Retour à « Atelier »")["href"] == "/fr/evenements/atelier/"
    assert doc.select_one(".notice[autofocus]"), "focus moves to the outcome"


def test_errors_take_the_focus(client, workshop):
    response = client.post(workshop.url + workshop.reverse_subpage("register"), {"name": "", "email": "x"})
    summary = soup(response.text).select_one(".registration .notice--error")
    assert response.status_code == 400 and summary.has_attr("autofocus") and summary["tabindex"] == "-1"


def test_cancelling_offers_the_seat_to_the_first_waiting(
    client, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    register(client, workshop, "ada@example.org")
    register(client, workshop, "bob@example.org")
    register(client, workshop, "cy@example.org")
    assert [r.status for r in Registration.objects.order_by("created_at")] == ["registered", "waiting", "waiting"]
    cancel_url = LINK.search(mailoutbox[0].body).group(1)
    assert mailoutbox[1].subject == "Liste d'attente : Atelier"

    page = client.get(cancel_url)
    assert page.status_code == 200 and "Annuler mon inscription" in page.text
    assert client.get(cancel_url.replace("-", "-0")).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel_url, {"action": "cancel"})
    assert "votre place est libérée" in done.text
    assert not Registration.objects.filter(email="ada@example.org").exists()
    offer = mailoutbox[-1]
    assert offer.to == ["bob@example.org"] and offer.subject == "Une place s'est libérée : Atelier"
    bob = Registration.objects.get(email="bob@example.org")
    assert bob.status == "offered"

    offer_url = LINK.search(offer.body).group(1)
    assert "Je prends cette place" in client.get(offer_url).text
    taken = client.post(offer_url, {"action": "accept"})
    assert "la place est à vous" in taken.text
    assert Registration.objects.get(email="bob@example.org").status == "registered"
    assert mailoutbox[-1].subject.startswith("Inscription confirmée")


def test_reminder_the_day_before_with_the_calendar_and_the_cancel_link(client, home_fr, mailoutbox):
    tomorrow = timezone.localtime(timezone.now(), paris()).replace(hour=18, minute=0) + timedelta(days=1)
    event = event_page(
        event_index(home_fr),
        "Table ronde",
        slug="table-ronde",
        registration_mode="form",
        starts_at=tomorrow,
        online_url="https://video.example.org/table",
    )
    later = event_page(
        event_index(home_fr, slug="autres"),
        "Plus tard",
        registration_mode="form",
        starts_at=tomorrow + timedelta(days=3),
    )
    register(client, event, "ada@example.org")
    register(client, later, "ada@example.org")
    mailoutbox.clear()

    call_command("send_event_reminders", stdout=None)
    (reminder,) = mailoutbox
    assert reminder.subject == "Demain : Table ronde" and reminder.to == ["ada@example.org"]
    assert "https://video.example.org/table" in reminder.body and LINK.search(reminder.body)
    ((filename, content, mimetype),) = reminder.attachments
    assert filename == "table-ronde.ics" and mimetype == "text/calendar" and "SUMMARY:Table ronde" in content
    call_command("send_event_reminders", stdout=None)
    assert len(mailoutbox) == 1, "reminded once"


def test_staff_register_a_waiting_reader_by_hand(client, superuser_client, workshop, mailoutbox):
    register(client, workshop, "ada@example.org")
    register(client, workshop, "bob@example.org")
    bob = Registration.objects.get(email="bob@example.org")
    staff = superuser_client
    listing = staff.get("/admin/registrations/")
    assert "En liste d&#x27;attente" in listing.text and f"/admin/registrations/{bob.pk}/promote/" in listing.text
    assert staff.post(f"/admin/registrations/{bob.pk}/promote/").status_code == 302
    assert Registration.objects.get(pk=bob.pk).status == "registered"
    assert mailoutbox[-1].to == ["bob@example.org"] and mailoutbox[-1].subject.startswith("Inscription confirmée")
