"""Seats after registration: a reader cancels through the signed link of their
e-mails, which frees the seat; a full event's waitlist is offered the freed
seats in the order of the requests, each offer held until a deadline
(EVENTS_WAITLIST_OFFER_HOURS) and passed to the next when it expires
(`manage.py process_waitlist`, run every few minutes); staff may register a
waiting reader by hand."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .choices import SeatStatus
from .models import EventPage, Registration

SALT = "events.registration"


def _signature(key_hex):
    return salted_hmac(SALT, key_hex).hexdigest()[:32]


def registration_token(registration):
    """The registration's key and its signature, in the characters Wagtail's
    page URLs allow (letters, digits, dashes)."""
    return f"{registration.key.hex}-{_signature(registration.key.hex)}"


def registration_from_token(token):
    key_hex, _dash, signature = token.partition("-")
    if len(key_hex) != 32 or not constant_time_compare(signature, _signature(key_hex)):
        return None
    return Registration.objects.select_related("event").filter(key=key_hex).first()


def lock_event(event_key):
    """Lock every language version of an event: seats change one at a time."""
    return list(EventPage.objects.select_for_update().filter(translation_key=event_key).order_by("pk"))


def waiting_in_order(event_key):
    return Registration.objects.filter(event_key=event_key, status=SeatStatus.WAITING).order_by("created_at", "pk")


def offer_next_seats(event_key, notify):
    """Offer each free seat to the next reader waiting; `notify(registration)`
    is called once the transaction commits. Call with the event locked."""
    event = EventPage.objects.filter(translation_key=event_key).first()
    if event is None or event.capacity is None:
        return []
    free = event.capacity - event.seats_taken()
    offered = []
    for registration in waiting_in_order(event_key)[: max(free, 0)]:
        registration.status = SeatStatus.OFFERED
        registration.offer_expires_at = timezone.now() + timedelta(hours=settings.EVENTS_WAITLIST_OFFER_HOURS)
        registration.save(update_fields=["status", "offer_expires_at"])
        offered.append(registration)
        transaction.on_commit(lambda registration=registration: notify(registration))
    return offered


def cancel(registration, notify):
    """The reader gives up their seat (or their place in the waitlist)."""
    with transaction.atomic():
        lock_event(registration.event_key)
        Registration.objects.filter(pk=registration.pk).delete()
        return offer_next_seats(registration.event_key, notify)


def accept_offer(registration):
    """The reader takes the seat offered; False once the offer has expired."""
    with transaction.atomic():
        lock_event(registration.event_key)
        registration.refresh_from_db()
        if registration.status != SeatStatus.OFFERED or registration.offer_expires_at <= timezone.now():
            return registration.status == SeatStatus.REGISTERED
        registration.status = SeatStatus.REGISTERED
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at"])
        return True


def expire_offers(notify, now=None):
    """Offers past their deadline go back to the waitlist's next readers; the
    reader who let it pass is removed (told so in the offer's e-mail)."""
    now = now or timezone.now()
    expired = Registration.objects.filter(status=SeatStatus.OFFERED, offer_expires_at__lte=now)
    offered = []
    for event_key in set(expired.values_list("event_key", flat=True)):
        with transaction.atomic():
            lock_event(event_key)
            expired.filter(event_key=event_key).delete()
            offered += offer_next_seats(event_key, notify)
    return offered


def promote_by_hand(registration):
    """Staff register a waiting reader themselves, whatever the seats left."""
    with transaction.atomic():
        lock_event(registration.event_key)
        updated = Registration.objects.filter(pk=registration.pk, status__in=[SeatStatus.WAITING, SeatStatus.OFFERED])
        return updated.update(status=SeatStatus.REGISTERED, offer_expires_at=None) == 1
