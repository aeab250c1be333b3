from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from editorial.localize import translate
from events.models import Registration
from home.models import StandardPage
from tests.kit.html import soup

from .factories import at, event_index, event_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def privacy(home_fr):
    page = StandardPage(title="Politique de confidentialité", slug="confidentialite", locale=home_fr.locale)
    home_fr.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index(home_fr, privacy):
    return event_index(home_fr, privacy_page=privacy)


@pytest.fixture
def workshop(index):
    return event_page(
        index,
        "Atelier",
        slug="atelier",
        event_format="workshop",
        starts_at=at(2030, 3, 1, 18),
        ends_at=at(2030, 3, 1, 20),
        venue_name="Digital Village",
        city="Paris",
        registration_mode="form",
        capacity=2,
    )


def post(client, page, **data):
    values = {"name": "Ada Lovelace", "email": "ada@example.org", "organisation": "", "consent": "on", **data}
    return client.post(page.url + page.reverse_subpage("register"), values)


def test_open_form_shows_seats_left_and_privacy_link(client, workshop, privacy):
    html = client.get(workshop.url).text
    assert "Inscriptions ouvertes" in html and "il reste 2 places." in html
    assert f'action="{workshop.url}inscription/"' in html
    links = soup(html).find_all("a")
    assert privacy.url in [
        a["href"] for a in links if a.get_text(strip=True) == "Lire notre politique de confidentialité"
    ]
    assert 'name="website"' in html  # the honeypot, hidden
    assert "Je m'inscris" in html


def test_english_form_links_the_english_privacy_notice_only_while_it_is_live(client, index, workshop, privacy, home_en):
    english_privacy = translate(
        privacy, {"Politique de confidentialité": "Privacy policy", "confidentialite": "privacy"}
    )
    translate(index, {"Événements": "Events", "evenements": "events"})
    english_workshop = translate(workshop, {"Atelier": "Workshop", "atelier": "workshop"})

    def privacy_links():
        parsed = soup(client.get(english_workshop.url).content)
        return [a["href"] for a in parsed.select("form a") if a.get_text(strip=True) == "Read our privacy notice"]

    assert privacy_links() == [english_privacy.url]
    english_privacy.unpublish()
    assert privacy_links() == []


def test_registering_saves_confirms_and_mails_in_french(client, workshop, mailoutbox):
    response = post(client, workshop, name="Ada Lovelace", email="Ada@Example.org ", organisation="Pix")
    assert response.status_code == 302
    assert response["Location"] == f"{workshop.url}inscription/confirmee/"
    registration = Registration.objects.get()
    assert (registration.name, registration.email, registration.organisation) == (
        "Ada Lovelace",
        "ada@example.org",
        "Pix",
    )
    assert registration.consent and registration.language == "fr" and registration.event_id == workshop.pk

    done = client.get(response["Location"])
    assert done.status_code == 200 and "Votre inscription à « Atelier » est enregistrée" in done.text

    [mail] = mailoutbox
    assert mail.to == ["ada@example.org"]
    assert mail.subject == "Inscription confirmée : Atelier"
    assert "Bonjour Ada Lovelace" in mail.body
    assert "1 mars 2030, 18:00 – 20:00" in mail.body
    assert f"http://testserver{workshop.url}calendrier/" in mail.body

    assert "il reste 1 place." in client.get(workshop.url).text


def test_english_registration_gets_english_mail_and_shares_the_capacity(client, homes, mailoutbox):
    home_fr, _ = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    french = event_page(
        index,
        "Atelier",
        slug="atelier",
        starts_at=at(2030, 3, 1, 18),
        ends_at=at(2030, 3, 1, 20),
        registration_mode="form",
        capacity=1,
    )
    english = translate(french, {"Atelier": "Workshop", "atelier": "workshop"})
    response = post(client, english, email="grace@example.org")
    assert response.status_code == 302
    assert Registration.objects.get().language == "en"
    [mail] = mailoutbox
    assert mail.subject == "Registration confirmed: Workshop"
    assert "Hello Ada Lovelace" in mail.body and "Date: 1 March 2030" in mail.body

    # The one seat is taken, whichever language it was taken in: the French page offers the waitlist.
    french_html = client.get(french.url).text
    assert "Complet" in french_html
    (form,) = soup(french_html).select("form.registration__form")
    assert form.button.get_text(strip=True) == "Rejoindre la liste d'attente"
    waiting = post(client, french, email="other@example.org")
    assert waiting.status_code == 302 and waiting["Location"].endswith("?attente=1")
    assert Registration.objects.get(email="other@example.org").status == "waiting"
    assert mailoutbox[-1].subject == "Liste d'attente : Atelier"


def test_a_full_event_takes_the_waitlist_and_a_forced_full_refuses(client, workshop, mailoutbox):
    assert post(client, workshop, email="a@example.org").status_code == 302
    assert post(client, workshop, email="b@example.org").status_code == 302
    html = client.get(workshop.url).text
    button = soup(html).select_one("form.registration__form button")
    assert "Complet" in html and button.get_text(strip=True) == "Rejoindre la liste d'attente"
    response = post(client, workshop, email="c@example.org")
    assert response.status_code == 302
    done = client.get(response["Location"]).text
    assert "Vous êtes sur la liste d'attente" in done
    assert Registration.objects.get(email="c@example.org").status == "waiting" and len(mailoutbox) == 3

    workshop.registration_mode = "full"
    workshop.save_revision().publish()
    # Editors closing it as full: no form, no waitlist, and a post is sent back to the page.
    assert "form" not in str(soup(client.get(workshop.url).text).select_one("#inscription"))
    refused = post(client, workshop, email="d@example.org")
    assert refused.status_code == 302 and refused["Location"].endswith("#inscription")
    assert not Registration.objects.filter(email="d@example.org").exists()


def test_registration_closes_at_the_closing_date(client, workshop):
    workshop.registration_closes_at = timezone.now() - timedelta(minutes=1)
    workshop.save_revision().publish()
    html = client.get(workshop.url).text
    assert "Inscriptions closes" in html and "Je m'inscris" not in html
    response = post(client, workshop)
    assert response.status_code == 409
    assert "Les inscriptions à cet événement sont closes." in response.text
    assert not Registration.objects.exists()


def test_past_events_are_closed_without_editing(client, index):
    past = event_page(index, "Passé", starts_at=at(2020, 1, 1, 10), registration_mode="form", capacity=10)
    doc = soup(client.get(past.url).text)
    assert doc.select("#inscription") == [] and "Inscription" not in doc.main.get_text(), "no registration section"
    assert post(client, past).status_code == 409


def test_registering_twice_answers_as_the_first_time_and_mails_the_address(client, workshop, mailoutbox):
    first = post(client, workshop, email="ada@example.org")
    again = post(client, workshop, name="Ada Bis", email="ADA@example.org", organisation="Pix")
    stranger = post(client, workshop, name="Grace", email="grace@example.org")
    # Same answer whether the address was registered or not: nobody can test addresses.
    assert again.status_code == first.status_code == stranger.status_code == 302
    assert again["Location"] == first["Location"] == stranger["Location"]
    done = [client.get(response["Location"]).text for response in (again, stranger)]
    assert done[0] == done[1]
    assert Registration.objects.filter(email="ada@example.org").get().name == "Ada Lovelace"
    assert Registration.objects.count() == 2

    confirmation, notice, _grace = mailoutbox
    assert confirmation.to == notice.to == ["ada@example.org"]
    assert notice.subject == "Vous êtes déjà inscrit(e) : Atelier"
    assert "Elle était déjà inscrite : rien n'a changé" in notice.body
    assert "Bonjour Ada Lovelace" in notice.body and "Ada Bis" not in notice.body


def test_an_address_registered_in_french_is_told_in_french_from_the_english_page(client, homes, mailoutbox):
    home_fr, _ = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    french = event_page(index, "Atelier", slug="atelier", registration_mode="form", capacity=5)
    english = translate(french, {"Atelier": "Workshop", "atelier": "workshop"})
    assert post(client, french, email="ada@example.org").status_code == 302
    response = post(client, english, email="ada@example.org")
    assert response.status_code == 302
    assert response["Location"] == english.url + english.reverse_subpage("registered")
    assert Registration.objects.count() == 1
    assert mailoutbox[-1].subject == "Vous êtes déjà inscrit(e) : Atelier"


def test_bad_input_gets_a_clear_message_in_the_reader_language(client, workshop, mailoutbox):
    response = post(client, workshop, name="Ada", email="pas-une-adresse", consent="")
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr." in response.text
    assert "Votre accord est nécessaire pour traiter votre inscription." in response.text
    assert 'value="Ada"' in response.text and 'value="pas-une-adresse"' in response.text
    assert not Registration.objects.exists() and not mailoutbox


def test_english_readers_get_english_errors(client, homes):
    home_fr, _ = homes
    index = event_index(home_fr)
    translate(index, {"Événements": "Events", "evenements": "events"})
    french = event_page(index, "Atelier", slug="atelier", registration_mode="form")
    english = translate(french, {"Atelier": "Workshop", "atelier": "workshop"})
    response = post(client, english, email="nope")
    assert response.status_code == 400
    assert "Enter a valid e-mail address, for example name@example.com." in response.text
    assert soup(response.text).html["lang"] == "en"


def test_honeypot_pretends_success_and_saves_nothing(client, workshop, mailoutbox):
    response = post(client, workshop, website="https://spam.example")
    assert response.status_code == 302
    assert not Registration.objects.exists() and not mailoutbox


def test_rate_limit_per_address(client, workshop, settings):
    settings.EVENTS_REGISTRATION_RATE_LIMIT = (2, 600)
    assert post(client, workshop, email="a@example.org").status_code == 302
    assert post(client, workshop, email="faute-de-frappe").status_code == 400
    response = post(client, workshop, name="Troisième", email="c@example.org")
    assert response.status_code == 429
    assert "Trop de tentatives d&#x27;inscription" in response.text
    assert 'value="Troisième"' in response.text
    assert Registration.objects.count() == 1
    # Another address is not affected.
    assert post(client.__class__(REMOTE_ADDR="10.0.0.2"), workshop, email="c@example.org").status_code == 302


def test_get_on_the_form_route_and_other_modes(client, index, workshop):
    assert client.get(f"{workshop.url}inscription/").status_code == 302
    external = event_page(
        index, "Externe", registration_mode="external", registration_url="https://billetterie.example.org"
    )
    html = client.get(external.url).text
    assert 'href="https://billetterie.example.org"' in html and "S'inscrire sur le site de l'organisateur" in html
    assert post(client, external).status_code == 302
    assert not Registration.objects.exists()
    free = event_page(index, "Libre", registration_mode="none")
    assert 'id="inscription"' not in client.get(free.url).text
