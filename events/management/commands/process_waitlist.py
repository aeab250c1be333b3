from django.core.management.base import BaseCommand

from events.emails import send_offer
from events.waitlist import expire_offers


class Command(BaseCommand):
    help = "Pass the seats offered from a waitlist and not taken in time to the next readers. Run it every few minutes."

    def handle(self, *args, **options):
        self.stdout.write(f"{len(expire_offers(notify=send_offer))} seat(s) offered to the next in line.")
