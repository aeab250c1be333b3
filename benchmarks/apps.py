from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Benchmarks, not tests: a generated bilingual corpus and the commands that
    time the site on it (`site_benchmark`). No models: it fills the other apps'."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "benchmarks"
    verbose_name = "Benchmarks"
