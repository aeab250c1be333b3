from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"

    def ready(self):
        from serving.tags import SHOWN_WHEN_LOADED

        from .content_type import register_reports
        from .localize import install
        from .models import ReportSeries

        install()
        register_reports()
        # A card names its report's series: renaming it purges the pages showing it.
        SHOWN_WHEN_LOADED.add(ReportSeries)
