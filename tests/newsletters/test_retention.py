from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsletters.models import Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db


def test_unconfirmed_and_old_unsubscribed_addresses_are_purged(settings, capsys):
    settings.NEWSLETTERS_UNSUBSCRIBED_RETENTION_DAYS = 365
    now = timezone.now()

    def make(email, status, created_days=0, unsubscribed_days=None):
        unsubscribed_at = now - timedelta(days=unsubscribed_days) if unsubscribed_days is not None else None
        return Subscriber.objects.create(
            email=email,
            language="fr",
            status=status,
            created_at=now - timedelta(days=created_days),
            unsubscribed_at=unsubscribed_at,
        )

    make("stale@example.org", SubscriberStatus.PENDING, created_days=8)
    make("fresh@example.org", SubscriberStatus.PENDING, created_days=6)
    make("gone@example.org", SubscriberStatus.UNSUBSCRIBED, created_days=900, unsubscribed_days=400)
    make("recent@example.org", SubscriberStatus.UNSUBSCRIBED, created_days=900, unsubscribed_days=30)
    make("reader@example.org", SubscriberStatus.ACTIVE, created_days=3000)

    call_command("purge_subscribers", "--dry-run")
    assert "2 subscriber(s) would be deleted." in capsys.readouterr().out
    assert Subscriber.objects.count() == 5
    call_command("purge_subscribers")
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "fresh@example.org",
        "recent@example.org",
        "reader@example.org",
    }
