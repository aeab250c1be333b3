"""Twenty readers racing for five seats on PostgreSQL: exactly five seats,
fifteen in the waitlist in the order the lock let them in; a cancellation
offers the seat to the first waiting, an offer not taken in time passes on."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from events.models import Registration
from events.views import register_for_event
from events.waitlist import accept_offer, cancel, expire_offers

from .factories import event_index, event_page

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_readers_for_five_seats(home_fr):
    page = event_page(event_index(home_fr), "Atelier", registration_mode="form", capacity=5)
    barrier = threading.Barrier(20)
    errors = []

    def attempt(number):
        try:
            barrier.wait()
            register_for_event(page, name=f"R{number}", email=f"r{number}@example.org", organisation="", language="fr")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(number,)) for number in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    in_lock_order = list(Registration.objects.order_by("created_at", "pk"))
    statuses = [registration.status for registration in in_lock_order]
    assert statuses == ["registered"] * 5 + ["waiting"] * 15, "the first five through the lock got the seats"
    # The lock granted one at a time: creation times and ids agree on the order.
    assert [registration.pk for registration in in_lock_order] == sorted(r.pk for r in in_lock_order)
    waiting = in_lock_order[5:]

    offered = []
    cancel(in_lock_order[0], notify=offered.append)
    first = Registration.objects.get(pk=waiting[0].pk)
    assert offered == [first] and first.status == "offered" and first.offer_expires_at > timezone.now()
    assert page.seats_taken() == 5, "the offered seat is held"

    # Not taken before its deadline: it passes to the next in line.
    passed = expire_offers(notify=offered.append, now=first.offer_expires_at + timedelta(seconds=1))
    assert [registration.pk for registration in passed] == [waiting[1].pk]
    assert not Registration.objects.filter(pk=first.pk).exists()
    second = Registration.objects.get(pk=waiting[1].pk)
    assert accept_offer(second) and Registration.objects.get(pk=second.pk).status == "registered"
    assert Registration.objects.filter(status="registered").count() == 5
    assert Registration.objects.filter(status="waiting").count() == 13
