from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the database and the media files into a new folder under DESTINATION (docs/production.md, Health and backups)."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="Folder that receives the backup's own dated folder.")

    def handle(self, *args, destination, **options):
        try:
            folder = back_up(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
