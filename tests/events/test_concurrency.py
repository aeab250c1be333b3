"""Two readers racing for the last seat, against PostgreSQL (SQLite serialises
writes, so it cannot show the race)."""

import threading
import time

import pytest
from django.db import connections

from events.models import EventPage, Registration
from events.views import AlreadyRegistered, RegistrationRefused, register_for_event

from .factories import event_index, event_page

# Threads need committed data. The tree roots that a previous transactional test
# flushed are recreated by the `home_fr` fixture (serialized rollback collides
# with the content types Django recreates after each flush).
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(page, emails, monkeypatch):
    """Register every address at once; the seat count is read slowly so that,
    without the lock, every thread would see the same free seat."""
    count = EventPage.seats_taken

    def slow_count(self):
        taken = count(self)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(EventPage, "seats_taken", slow_count)
    barrier = threading.Barrier(len(emails))
    results = []

    def attempt(email):
        try:
            barrier.wait()
            registration = register_for_event(page, name="Ada", email=email, organisation="", language="fr")
            results.append(registration.status)
        except RegistrationRefused as refusal:
            results.append(str(refusal.message))
        except AlreadyRegistered:
            results.append("already registered")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(results)


def test_two_registrations_for_the_last_seat_cannot_both_succeed(home_fr, monkeypatch):
    page = event_page(event_index(home_fr), "Atelier", registration_mode="form", capacity=2)
    register_for_event(page, name="Premier", email="first@example.org", organisation="", language="fr")

    results = race(page, ["a@example.org", "b@example.org"], monkeypatch)
    # One gets the seat, the other the waitlist (tests/events/test_waitlist_race.py races twenty).
    assert results == ["registered", "waiting"]
    assert Registration.objects.filter(status="registered").count() == 2


def test_the_same_address_racing_itself_registers_once(home_fr, monkeypatch):
    page = event_page(event_index(home_fr), "Atelier", registration_mode="form", capacity=10)
    results = race(page, ["same@example.org", "same@example.org"], monkeypatch)
    assert results == ["already registered", "registered"]
    assert Registration.objects.filter(email="same@example.org").count() == 1
