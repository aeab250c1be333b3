from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self):
        from people.models import Person
        from serving.tags import object_tag, tie

        from .localize import install
        from .models import ReportAuthor

        install()
        # An author's page lists their reports.
        tie(ReportAuthor, lambda author: {object_tag(Person, author.person_id)}, page="page")
