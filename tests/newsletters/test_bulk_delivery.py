"""A newsletter sent to 1,000 subscribers by a real `db_worker` process
through the real SMTP server: every subscriber gets one copy, with its own
unsubscribe headers, and the admin's counts say so."""

from collections import Counter

import pytest

from newsletters.delivery import start_delivery
from newsletters.models import Delivery, DeliveryStatus, NewsletterIssue, NewsletterItem, Subscriber
from tests.background.worker import Worker, wait_until, worker_environment
from tests.reports.factories import report, report_index

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

COUNT = 1000


def test_a_thousand_subscribers_get_one_copy_each(home_fr, smtp_server, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    issue = NewsletterIssue.objects.create(subject="La lettre", locale=home_fr.locale)
    NewsletterItem.objects.create(issue=issue, page=report(report_index(home_fr), "Un rapport"), locale=home_fr.locale)
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{number}@example.org", language="fr", status="active") for number in range(COUNT)
    )
    delivery = start_delivery(issue, base_url="http://testserver/")

    environment = worker_environment(
        DJANGO_SETTINGS_MODULE="tests.newsletters.worker_settings", **smtp_server.environment()
    )
    worker = Worker(environment, log_path=tmp_path / "worker.log")
    worker.start()
    try:
        done = wait_until(
            lambda: Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.DONE, timeout=240, every=1
        )
    finally:
        worker.stop()
    assert done, (tmp_path / "worker.log").read_text()[-2000:]

    messages = smtp_server.messages
    recipients = Counter(message["To"] for message in messages)
    assert len(recipients) == COUNT and set(recipients.values()) == {1}, "one copy each, no duplicate"
    unsubscribe_links = {message["List-Unsubscribe"].strip() for message in messages}
    assert len(unsubscribe_links) == COUNT, "each copy carries its own unsubscribe link"
    assert all(message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" for message in messages)
    assert len({message["Message-ID"] for message in messages}) == COUNT
    assert Delivery.objects.get(pk=delivery.pk).counts() == {"sent": COUNT, "failed": 0, "total": COUNT}
