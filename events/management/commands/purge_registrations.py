from django.conf import settings

from editorial.retention import PurgeCommand
from events.models import expired_registrations


class Command(PurgeCommand):
    help = (
        "Delete event registrations once the retention period after the event has passed "
        "(EVENTS_REGISTRATION_RETENTION_DAYS). Run it daily."
    )
    noun = "registration(s)"

    def default_days(self):
        return settings.EVENTS_REGISTRATION_RETENTION_DAYS

    def expired(self, days):
        return expired_registrations(days)
