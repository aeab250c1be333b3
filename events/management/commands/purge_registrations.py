from django.conf import settings
from django.core.management.base import BaseCommand

from events.models import expired_registrations


class Command(BaseCommand):
    help = (
        "Delete event registrations once the retention period after the event has passed "
        "(EVENTS_REGISTRATION_RETENTION_DAYS). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Retention period in days (default: {settings.EVENTS_REGISTRATION_RETENTION_DAYS}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted, delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be zero or more.")
            return
        registrations = expired_registrations(days)
        count = registrations.count()
        if dry_run:
            self.stdout.write(f"{count} registration(s) would be deleted.")
            return
        registrations.delete()
        self.stdout.write(f"{count} registration(s) deleted.")
