from django.core.management.base import BaseCommand

from events.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail the registrants of tomorrow's events their reminder (once each). Run it daily or hourly."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) queued.")
