from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: snippets before the pages that use them, menus last.
DEMO_STEPS = [
    "demo.home.load",
    "demo.topics.load",
    "demo.people.load",
    "demo.roles.load",
    "demo.reports.load",
    "demo.events.load",
    "demo.news.load",
    "demo.initiatives.load",
    "demo.topics.load_index",
    "demo.people.load_index",
    "demo.search.load",
    "demo.home.load_menus",
    "demo.home.load_institute",
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
