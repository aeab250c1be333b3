from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and its loader (`python manage.py load_demo`). No models: it
    fills the other apps' models, which never import it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
