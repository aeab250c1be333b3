from django.core.management.base import BaseCommand

from roles.setup import apply_roles


class Command(BaseCommand):
    help = (
        "Reset the Editors, Reviewers, Translators and Registrations groups to their documented permissions "
        "and attach them and the review workflow to the home pages. Safe to run again."
    )

    def handle(self, *args, **options):
        missing = apply_roles()
        for name in missing:
            self.stderr.write(self.style.WARNING(f"Permission {name} does not exist: its app is not migrated."))
        self.stdout.write(self.style.SUCCESS("Roles ready."))
