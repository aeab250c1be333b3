"""Topic alerts through the real SMTP server: a reader subscribes through
HTTP, confirms from the e-mail the server received, an editor publishes a
report on the followed topic choosing to notify, and the alert arrives; in the
reader's language only once the page exists in it; never for a plain publish,
a republication, a draft or a private page; daily digests group them."""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import TaskState

from editorial.localize import translate
from newsletters.models import PendingAlert, Subscriber, SubscriberStatus
from reports.models import ReportPage
from tests.kit.factories import TopicFactory
from tests.kit.pages import make_private
from tests.reports.factories import report, report_index
from tests.reports.test_admin import add_url, form

from .smtp import text_of

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+)")


@pytest.fixture
def index(homes):
    return report_index(homes[0])


def publish(superuser_client, index, topic, notify=True, title="Rapport de test"):
    data = form(topics=[topic])
    data["title"] = title
    data["slug"] = slugify(title)
    data["action-publish"] = "notify" if notify else "action-publish"
    response = superuser_client.post(add_url(index), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return ReportPage.objects.get(title=title)


def follow(email, topic, language="fr", **fields):
    subscriber = Subscriber.objects.create(email=email, language=language, status=SubscriberStatus.ACTIVE, **fields)
    subscriber.topics.set([topic])
    return subscriber


def test_subscribe_confirm_publish_and_read_the_alert(
    client, superuser_client, index, smtp_server, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Travail", slug="travail")
    response = client.post("/fr/lettre/", {"email": "ada@example.org", "language": "fr", "topics": [topic.pk]})
    assert response.status_code == 200
    (confirmation,) = smtp_server.to("ada@example.org")
    client.post(LINK.search(text_of(confirmation)).group(1))
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE

    assert "Publier et prévenir les abonnés" in superuser_client.get(add_url(index)).text
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(superuser_client, index, topic)
    assert "Publier et prévenir les abonnés" in superuser_client.get(f"/admin/pages/{page.pk}/edit/").text
    confirmation_and_alert = smtp_server.to("ada@example.org")
    assert len(confirmation_and_alert) == 2
    alert = confirmation_and_alert[1]
    assert alert["Subject"] == "Rapport de test" and alert["Content-Language"] == "fr"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"http://testserver{page.url}" in text_of(alert)

    # A correction republished (even asking to notify) tells nobody again.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(smtp_server.to("ada@example.org")) == 2


def test_only_when_editors_ask_and_never_drafts_or_private_pages(
    superuser_client, index, smtp_server, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    follow("ada@example.org", topic)
    with django_capture_on_commit_callbacks(execute=True):
        publish(superuser_client, index, topic, notify=False, title="Sans alerte")
        draft = report(index, "Brouillon", topics=[topic], publish=False)
        private = make_private(report(index, "Privé", topics=[topic]))
    from newsletters.alerts import announce

    assert announce(draft) == 0 and announce(private) == 0
    assert smtp_server.messages == []


def test_readers_get_it_in_their_language_once_it_exists(
    superuser_client, index, homes, smtp_server, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Travail", slug="travail")
    translate(topic, {"Travail": "Work", "travail": "work"})
    report_index_en = translate(index, {"Rapports": "Reports", "rapports": "reports"})
    assert report_index_en.live
    follow("fr@example.org", topic)
    follow("en@example.org", topic, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(superuser_client, index, topic)
    assert [message["To"] for message in smtp_server.messages] == ["fr@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        english = translate(page, {"Rapport de test": "Test report", "rapport-de-test": "test-report"})
    (alert,) = smtp_server.to("en@example.org")
    assert alert["Subject"] == "Test report" and alert["Content-Language"] == "en"
    assert f"http://testserver{english.url}" in text_of(alert) and "Rapport de test" not in text_of(alert)


def test_daily_digest_groups_the_days_publications(
    superuser_client, index, smtp_server, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    follow("daily@example.org", topic, alert_frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        publish(superuser_client, index, topic, title="Premier rapport")
        publish(superuser_client, index, topic, title="Second rapport")
    assert smtp_server.messages == [] and PendingAlert.objects.count() == 2
    call_command("send_alert_digests", stdout=None)
    (digest,) = smtp_server.to("daily@example.org")
    assert digest["Subject"] == "2 nouveautés sur vos thèmes"
    assert "Premier rapport" in text_of(digest) and "Second rapport" in text_of(digest)
    assert not PendingAlert.objects.exists()


def test_an_editor_asks_at_submission_and_the_reviewers_approval_announces(
    client, editor, reviewer, index, smtp_server, django_capture_on_commit_callbacks
):
    """Editors publish through review: their wish to alert rides with the
    submission, and the approval (which publishes) sends the alert; a plain
    submission, approved the same way, alerts nobody."""
    topic = TopicFactory()
    follow("ada@example.org", topic)

    def submit_and_approve(title, submit_value):
        client.force_login(editor)
        page_form = client.get(add_url(index)).text
        assert "Soumettre et prévenir les abonnés à la publication" in page_form
        assert "Publier et prévenir les abonnés" not in page_form, "editors cannot publish directly"
        data = {**form(topics=[topic]), "title": title, "slug": slugify(title), "action-submit": submit_value}
        assert client.post(add_url(index), data).status_code == 302
        page = ReportPage.objects.get(title=title)
        assert not page.live and smtp_server.to("ada@example.org") == []
        task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
        client.force_login(reviewer)
        with django_capture_on_commit_callbacks(execute=True):
            approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
            assert client.post(approve, {"comment": ""}).status_code in (200, 302)
        page.refresh_from_db()
        assert page.live

    submit_and_approve("Sans annonce", "1")
    assert smtp_server.to("ada@example.org") == []
    submit_and_approve("Avec annonce", "notify")
    (alert,) = smtp_server.to("ada@example.org")
    assert alert["Subject"] == "Avec annonce"


def test_a_scheduled_publication_is_announced_when_it_goes_live(
    superuser_client, index, smtp_server, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    follow("ada@example.org", topic)
    go_live = timezone.now() + timedelta(days=2)
    data = {**form(topics=[topic]), "action-publish": "notify", "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")}
    with django_capture_on_commit_callbacks(execute=True):
        assert superuser_client.post(add_url(index), data).status_code == 302
    assert not ReportPage.objects.get().live and smtp_server.to("ada@example.org") == []
    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(hours=1)),
    ):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert ReportPage.objects.get().live
    (alert,) = smtp_server.to("ada@example.org")
    assert alert["Subject"] == "Rapport de test"
