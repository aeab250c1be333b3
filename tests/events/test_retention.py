import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration

from .factories import event_index, event_page

pytestmark = pytest.mark.django_db


def register(event, email):
    return Registration.objects.create(
        event=event, event_key=event.translation_key, name="Ada", email=email, consent=True, language="fr"
    )


def test_purge_deletes_registrations_only_after_the_retention_period(home_fr, settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 30
    index = event_index(home_fr)
    now = timezone.now()
    old = event_page(index, "Ancien", starts_at=now - timedelta(days=40), ends_at=now - timedelta(days=39))
    # Started long ago but ended recently: kept until 30 days after its end.
    long_run = event_page(index, "Long", starts_at=now - timedelta(days=60), ends_at=now - timedelta(days=10))
    coming = event_page(index, "À venir", starts_at=now + timedelta(days=10))
    register(old, "a@example.org")
    kept = [register(long_run, "b@example.org"), register(coming, "c@example.org")]

    out = io.StringIO()
    call_command("purge_registrations", "--dry-run", stdout=out)
    assert "1 registration(s) would be deleted." in out.getvalue()
    assert Registration.objects.count() == 3

    call_command("purge_registrations", stdout=out)
    assert "1 registration(s) deleted." in out.getvalue()
    assert sorted(Registration.objects.values_list("pk", flat=True)) == sorted(r.pk for r in kept)

    call_command("purge_registrations", "--days", "5", stdout=out)
    assert list(Registration.objects.values_list("email", flat=True)) == ["c@example.org"]
