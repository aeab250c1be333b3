"""A benchmark, not a test: send a newsletter issue to N generated subscribers
through a local SMTP server (aiosmtpd, from requirements-dev.txt) with W
`db_worker` processes, and print how long it took and what the server got.

    DATABASE_URL=postgres://... python manage.py migrate
    DATABASE_URL=postgres://... python manage.py newsletter_benchmark --subscribers 10000 --workers 2

The generated subscribers and the issue are deleted afterwards."""

import os
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from wagtail.models import Locale

from newsletters.delivery import start_delivery
from newsletters.models import Delivery, DeliveryStatus, NewsletterIssue, Subscriber

DOMAIN = "benchmark.invalid"


class Command(BaseCommand):
    help = "Time sending a newsletter to many subscribers through a local SMTP server with db_worker processes."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=10_000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--batch-size", type=int, default=settings.NEWSLETTERS_BATCH_SIZE)

    def handle(self, *args, subscribers, workers, batch_size, **options):
        try:
            from aiosmtpd.controller import Controller
        except ImportError as error:
            raise CommandError("needs aiosmtpd (pip install -r requirements-dev.txt)") from error
        if connection.vendor != "postgresql":
            raise CommandError("needs PostgreSQL (DATABASE_URL): the workers share the queue's table")

        class Counter:
            received = 0

            async def handle_DATA(self, server, session, envelope):
                self.received += 1
                return "250 OK"

        counter = Counter()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        smtp = Controller(counter, hostname="127.0.0.1", port=port)
        smtp.start()
        french = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        issue = NewsletterIssue.objects.create(subject="Benchmark", intro="<p>Benchmark.</p>", locale=french)
        Subscriber.objects.bulk_create(
            (
                Subscriber(email=f"reader{number}@{DOMAIN}", language=french.language_code, status="active")
                for number in range(subscribers)
            ),
            batch_size=2000,
        )
        environment = {
            **os.environ,
            "TASK_QUEUE": "database",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "NEWSLETTERS_SEND_RATE": "0",
        }
        processes = []
        try:
            with override_settings(
                TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, NEWSLETTERS_BATCH_SIZE=batch_size
            ):
                started = time.perf_counter()
                delivery = start_delivery(issue, base_url="https://example.org/")
            command = [
                sys.executable,
                "manage.py",
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ]
            for _number in range(workers):
                processes.append(
                    subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment, stdout=subprocess.DEVNULL)
                )
            while Delivery.objects.get(pk=delivery.pk).status != DeliveryStatus.DONE:
                time.sleep(0.2)
            seconds = time.perf_counter() - started
            counts = Delivery.objects.get(pk=delivery.pk).counts()
            self.stdout.write(
                f"{subscribers} subscribers, {workers} worker(s), batches of {batch_size}: {seconds:.1f} s "
                f"({subscribers / seconds:.0f} messages/s); sent {counts['sent']}, refused {counts['failed']}, "
                f"received by the SMTP server {counter.received}"
            )
        finally:
            for process in processes:
                process.terminate()
                process.wait()
            smtp.stop()
            issue.delete()
            Subscriber.objects.filter(email__endswith=f"@{DOMAIN}").delete()
