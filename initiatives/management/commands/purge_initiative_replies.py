from django.core.management.base import BaseCommand

from initiatives.models import expired_replies, reply_retention_days


class Command(BaseCommand):
    help = (
        "Delete replies to initiatives received more than the retention period ago "
        "(INITIATIVES_REPLY_RETENTION_DAYS). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help=f"Retention period in days (default: {reply_retention_days()})."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted, delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be zero or more.")
            return
        replies = expired_replies(days)
        count = replies.count()
        if dry_run:
            self.stdout.write(f"{count} reply(ies) would be deleted.")
            return
        replies.delete()
        self.stdout.write(f"{count} reply(ies) deleted.")
