from editorial.retention import PurgeCommand
from initiatives.models import expired_replies, reply_retention_days


class Command(PurgeCommand):
    help = (
        "Delete replies to initiatives received more than the retention period ago "
        "(INITIATIVES_REPLY_RETENTION_DAYS). Run it daily."
    )
    noun = "reply(ies)"

    def default_days(self):
        return reply_retention_days()

    def expired(self, days):
        return expired_replies(days)
