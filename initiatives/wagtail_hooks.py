"""Replies to initiatives' built-in forms, read in the admin. They come from
readers only: nobody adds one in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import InitiativeResponse


class ResponsePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class InitiativeResponseViewSet(ModelViewSet):
    model = InitiativeResponse
    icon = "form"
    menu_label = _("Réponses aux initiatives")
    menu_order = 310
    add_to_admin_menu = True
    form_fields = ["name", "email", "organisation", "message", "consent"]
    list_display = ["name", "organisation", "email", "page", "language", "created_at"]
    list_filter = ["page", "language"]
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return InitiativeResponse.objects.select_related("page")


register_permission_policy(InitiativeResponse, ResponsePermissionPolicy(InitiativeResponse))


@hooks.register("register_admin_viewset")
def register_response_viewset():
    return InitiativeResponseViewSet("initiative_responses")
