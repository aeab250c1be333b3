from django.core.management.base import BaseCommand

from search.stats import flush


class Command(BaseCommand):
    help = "Adds the searches recorded in the cache to the search terms reports (run every few minutes)."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush()} searches recorded")
