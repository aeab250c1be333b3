import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the `admin` superuser if it does not exist. The password comes from "
        "ADMIN_PASSWORD, or is generated and printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Admin account `admin` already exists (password unchanged).")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(self.style.SUCCESS("Admin account `admin` created with ADMIN_PASSWORD."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Admin account `admin` created. Password (shown once): {password}"))
