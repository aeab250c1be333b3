"""Registrations in the admin: read by staff with `events.view_registration`,
exported (CSV, XLSX) only by those who also have `events.export_registration`."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Registration

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, models.Model):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class RegistrationIndexView(IndexView):
    @cached_property
    def can_export(self):
        return self.request.user.has_perm("events.export_registration")

    @cached_property
    def show_export_buttons(self):
        return self.can_export and super().show_export_buttons

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and not self.can_export:
            raise PermissionDenied
        return super().render_to_response(context, **response_kwargs)

    def preprocess_field_value(self, field, value, export_format):
        return super().preprocess_field_value(field, neutralise_formula(value), export_format)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Inscriptions")
    menu_order = 300
    add_to_admin_menu = True
    form_fields = ["name", "email", "organisation", "consent"]
    list_display = ["name", "email", "organisation", "event", "language", "created_at"]
    list_filter = ["language"]
    list_export = ["event", "name", "email", "organisation", "language", "consent", "created_at"]
    export_filename = "inscriptions"
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")
