"""Subscribing through the follow page (which every page's footer links to)
or a topic page; double opt-in; managing and leaving through the signed links."""

import re

import pytest
from django.core import mail
from django.test import Client

from editorial.localize import translate
from newsletters.models import Subscriber, SubscriberStatus
from tests.events.factories import event_index
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.reports.factories import report_index
from topics.models import TopicIndexPage

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+)")


def link_in(message):
    return LINK.search(message.body).group(1)


@pytest.fixture
def topic(home_fr):
    topic = TopicFactory(name="Travail", slug="travail")
    topics_index = TopicIndexPage(title="Thèmes", slug="themes", locale=home_fr.locale)
    home_fr.add_child(instance=topics_index)
    topics_index.save_revision().publish()
    return topic


def test_every_footer_leads_to_the_follow_page_whose_form_subscribes_after_confirmation(client, topic):
    home = client.get("/fr/")
    footer = soup(home.text).select_one(".site-footer")
    assert not footer.select("form"), "the form is on the follow page only: a light footer on every page"
    assert footer.select_one("a.site-footer__follow")["href"] == "/fr/lettre/"
    # Pages set no cookie: they stay in the page cache.
    assert not home.cookies
    follow = client.get("/fr/lettre/")
    form = soup(follow.text).select_one("main form")
    assert form["action"] == "/fr/lettre/" and form.select_one("input[type=email]")
    assert "csrfmiddlewaretoken" not in str(form) and not follow.cookies

    response = client.post(
        "/fr/lettre/", {"email": " Ada@Example.org ", "language": "fr", "newsletter": "on", "source": "/fr/"}
    )
    assert response.status_code == 200 and "Vérifiez votre messagerie" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada@example.org" and subscriber.status == SubscriberStatus.PENDING
    assert subscriber.consent_page == "/fr/" and "désabonner à tout moment" in subscriber.consent_text
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"] and message.subject == "Confirmez votre abonnement"

    confirm_url = link_in(message)
    assert client.get(confirm_url).status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING, "a link scanner's GET confirms nothing"
    response = client.post(confirm_url, follow=True)
    assert "Merci, votre abonnement est confirmé." in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE and subscriber.confirmed_at


def test_a_topic_page_form_follows_that_topic_in_english(client, topic):
    english = translate(topic, {"Travail": "Work", "travail": "work"})
    form = soup(client.get("/fr/themes/travail/").text).select_one("main form.subscribe-form")
    assert form.select_one("input[name=topics]")["value"] == str(topic.pk)

    client.post("/fr/lettre/", {"email": "bo@example.org", "language": "en", "topics": [topic.pk]})
    (message,) = mail.outbox
    assert message.subject == "Confirm your subscription"
    assert "/en/newsletter/confirm/" in message.body
    client.post(link_in(message))
    subscriber = Subscriber.objects.get()
    assert not subscriber.newsletter and subscriber.followed_topic_keys() == {english.translation_key}

    manage = client.get(f"/en/newsletter/manage/{subscriber_token(subscriber)}/")
    checked = soup(manage.text).select("input[name=topics][checked]")
    assert [box["value"] for box in checked] == [str(english.pk)], "topics shown in the subscriber's language"


def subscriber_token(subscriber):
    from newsletters.links import manage_token

    return manage_token(subscriber)


def test_no_enumeration_and_choices_left_to_the_owner(client, topic):
    Subscriber.objects.create(email="known@example.org", language="fr", status=SubscriberStatus.ACTIVE, newsletter=True)
    known = client.post("/fr/lettre/", {"email": "known@example.org", "language": "en", "topics": [topic.pk]})
    new = client.post("/fr/lettre/", {"email": "new@example.org", "language": "fr", "newsletter": "on"})
    assert known.status_code == new.status_code == 200
    assert known.text.replace("known@", "X@") == new.text.replace("new@", "X@")
    known_subscriber = Subscriber.objects.get(email="known@example.org")
    assert known_subscriber.language == "fr" and not known_subscriber.topics.exists()
    already = next(message for message in mail.outbox if message.to == ["known@example.org"])
    assert already.subject == "Vous êtes déjà abonné" and "/fr/lettre/gerer/" in already.body


def test_bad_input_keeps_what_was_typed(client, topic):
    response = client.post("/fr/lettre/", {"email": "pas-une-adresse", "language": "fr"})
    assert response.status_code == 400
    doc = soup(response.text)
    assert doc.select_one("input[name=email]")["value"] == "pas-une-adresse"
    assert "Saisissez une adresse e-mail valide" in response.text
    assert "Choisissez la lettre d&#x27;information ou au moins un thème." in response.text
    summary = doc.select_one("#form-errors")
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    english = client.post("/en/newsletter/", {"email": "x", "language": "en"})
    assert "Enter a valid e-mail address" in english.text
    assert not Subscriber.objects.exists() and not mail.outbox


def test_rate_limited_and_honeypot(client, settings, topic):
    settings.NEWSLETTERS_SUBSCRIBE_RATE_LIMIT = (2, 600)
    data = {"email": "a@example.org", "language": "fr", "newsletter": "on"}
    assert client.post("/fr/lettre/", {**data, "website": "spam"}).status_code == 200
    assert not Subscriber.objects.exists() and not mail.outbox
    assert client.post("/fr/lettre/", data).status_code == 200
    limited = client.post("/fr/lettre/", data)
    assert limited.status_code == 429 and "Trop de demandes" in limited.text


def test_manage_changes_choices_and_unsubscribes(client, topic):
    subscriber = Subscriber.objects.create(email="c@example.org", language="fr", status=SubscriberStatus.ACTIVE)
    token = subscriber_token(subscriber)
    csrf_client = Client(enforce_csrf_checks=False)
    response = csrf_client.post(
        f"/fr/lettre/gerer/{token}/",
        {"language": "fr", "topics": [topic.pk], "alert_frequency": "daily"},
    )
    assert "Vos choix sont enregistrés." in response.text
    subscriber.refresh_from_db()
    assert not subscriber.newsletter and subscriber.alert_frequency == "daily" and subscriber.topics.count() == 1

    assert client.get(f"/fr/lettre/gerer/{token}x/").status_code == 404
    assert client.get(f"/fr/lettre/gerer/{subscriber.key}/").status_code == 404, "the bare key is not a link"
    page = client.get(f"/fr/lettre/desabonner/{token}/")
    assert page.status_code == 200 and "Me désabonner" in page.text
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE
    response = Client(enforce_csrf_checks=True).post(f"/fr/lettre/desabonner/{token}/")
    assert response.status_code == 200 and "ne recevra plus rien" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED and not subscriber.topics.exists()


def test_the_follow_page_lists_the_feeds_of_its_language(client, homes):
    reports = report_index(homes[0])
    events = event_index(homes[0])
    translate(reports, {"Rapports": "Reports", "rapports": "reports"})
    for url, expected in (
        (
            "/fr/lettre/",
            {f"{reports.url}flux/rss/": "Rapports (RSS)", f"{events.url}calendrier/": "Événements (agenda)"},
        ),
        ("/en/newsletter/", {"/en/reports/feed/rss/": "Reports (RSS)"}),
    ):
        feeds = soup(client.get(url).text).select("main a[type]")
        assert {link["href"]: link.get_text() for link in feeds} == expected, url
