from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .documents import document_access_response


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("securite/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("security_2fa_setup"),
        "label": _("Authentification à deux facteurs"),
        "help_text": _("Demander un code de votre application d'authentification à chaque connexion."),
    }


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return SuperuserMenuItem(_("Verrouillages"), reverse("security_lockouts"), icon_name="lock", order=900)


hooks.register("before_serve_document", document_access_response)
