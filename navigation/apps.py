from django.apps import AppConfig


class NavigationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "navigation"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from editorial.sitewide import invalidate_sitewide

        from .models import InstituteSettings, Menu, MenuItem

        # A menu is saved with its items: either changes what the chrome shows,
        # as do the institute's settings (footer, citations, JSON-LD).
        for model in (Menu, MenuItem, InstituteSettings):
            post_save.connect(invalidate_sitewide, sender=model, dispatch_uid=f"navigation_{model.__name__}_saved")
            post_delete.connect(invalidate_sitewide, sender=model, dispatch_uid=f"navigation_{model.__name__}_deleted")
