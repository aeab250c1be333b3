from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore
from search.indexing import get_engine
from serving.tags import purge_everything


class Command(BaseCommand):
    help = (
        "Restore a backup folder into this empty database and the media folder, then rebuild the search "
        "engine's indexes from the database, and empty every cache (the page cache, site-wide data, Varnish)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by `manage.py backup`.")

    def handle(self, *args, folder, **options):
        try:
            manifest = restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
        # The caches hold what the database held before: pages published since the backup.
        purge_everything()
        self.stdout.write("Emptied the caches (pages, site-wide data, Varnish).")
        if get_engine() is not None:
            call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Restore complete."))
