from django.conf import settings
from django.core.management.base import BaseCommand

from newsletters.alerts import send_alerts
from newsletters.models import AlertFrequency, PendingAlert


class Command(BaseCommand):
    help = "Queue the daily digest of topic alerts for the subscribers who chose it. Run it once a day."

    def handle(self, *args, **options):
        ids = sorted(
            set(
                PendingAlert.objects.filter(subscriber__alert_frequency=AlertFrequency.DAILY).values_list(
                    "subscriber_id", flat=True
                )
            )
        )
        size = settings.NEWSLETTERS_BATCH_SIZE
        for start in range(0, len(ids), size):
            send_alerts.enqueue(ids[start : start + size], settings.WAGTAILADMIN_BASE_URL)
        self.stdout.write(f"{len(ids)} digest(s) queued.")
