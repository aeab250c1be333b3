"""Personal data kept for a retention period, then deleted by a daily command."""

from django.core.management.base import BaseCommand


class PurgeCommand(BaseCommand):
    """A command deleting what `expired(days)` returns; `days` overrides the
    retention period of the settings, `--dry-run` only counts."""

    noun = "item(s)"

    def expired(self, days):
        raise NotImplementedError

    def default_days(self):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help=f"Retention period in days (default: {self.default_days()})."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted, delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be zero or more.")
            return
        expired = self.expired(days)
        count = expired.count()
        if dry_run:
            self.stdout.write(f"{count} {self.noun} would be deleted.")
            return
        expired.delete()
        self.stdout.write(f"{count} {self.noun} deleted.")
