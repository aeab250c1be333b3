from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: snippets before the pages that use them, menus last.
DEMO_STEPS = [
    "home.demo.load",
    "topics.demo.load",
    "people.demo.load",
    "roles.demo.load",
    "reports.demo.load",
    "events.demo.load",
    "news.demo.load",
    "initiatives.demo.load",
    "topics.demo.load_index",
    "people.demo.load_index",
    "search.demo.load",
    "home.demo.load_menus",
]


class Command(BaseCommand):
    help = "Load the demo content of the content brief, in French with English translations. Safe to run twice."

    def handle(self, *args, **options):
        context = {}
        with transaction.atomic():
            for step in DEMO_STEPS:
                module_name, function_name = step.rsplit(".", 1)
                getattr(import_module(module_name), function_name)(context)
                self.stdout.write(f"  {step}")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
