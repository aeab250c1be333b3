from django.conf import settings

from editorial.retention import PurgeCommand
from newsletters.models import purgeable_subscribers


class Command(PurgeCommand):
    help = (
        "Delete subscription requests never confirmed within a week, and unsubscribed addresses once "
        "NEWSLETTERS_UNSUBSCRIBED_RETENTION_DAYS have passed. Run it daily."
    )
    noun = "subscriber(s)"

    def default_days(self):
        return settings.NEWSLETTERS_UNSUBSCRIBED_RETENTION_DAYS

    def expired(self, days):
        return purgeable_subscribers(days)
