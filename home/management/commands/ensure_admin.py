import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


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
        user = User(username="admin", email="admin@example.org", is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("ADMIN_PASSWORD is too weak: " + " ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(self.style.SUCCESS("Admin account `admin` created with ADMIN_PASSWORD."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Admin account `admin` created. Password (shown once): {password}"))
