"""The reminder registrants get the day before the event (Paris time), with
the practical details, the event as an .ics attachment and the link that
frees their seat. `manage.py send_event_reminders`, run daily or hourly: a
registration is reminded once."""

from datetime import timedelta

from django.utils import timezone

from .choices import SeatStatus
from .emails import send_registration_mail
from .models import Registration
from .schedule import paris


def registrations_to_remind(now=None):
    now = now or timezone.now()
    tomorrow = timezone.localtime(now, paris()).date() + timedelta(days=1)
    return Registration.objects.filter(
        status=SeatStatus.REGISTERED,
        reminded_at__isnull=True,
        event__live=True,
        event__cancelled=False,
        event__starts_at__date=tomorrow,
    ).select_related("event")


def send_reminders(now=None):
    count = 0
    for registration in registrations_to_remind(now):
        send_registration_mail(registration, registration.event, template="reminder", attach_calendar=True)
        Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
        count += 1
    return count
