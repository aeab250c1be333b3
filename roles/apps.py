from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _apply_roles_after_migrate(sender, **kwargs):
    from .setup import apply_roles

    apply_roles()


class RolesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "roles"
    verbose_name = _("Rôles et relecture")

    def ready(self):
        # `post_migrate` is sent after `migrate` (and `flush`) once per app that has
        # models; this app has none, so it answers to auth's, once per run.
        post_migrate.connect(
            _apply_roles_after_migrate,
            sender=apps.get_app_config("auth"),
            dispatch_uid="roles_apply_after_migrate",
        )
