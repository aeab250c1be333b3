"""Replies to initiatives are read in the admin's Forms section
(`wagtail.contrib.forms`). They hold personal data, so reading them takes
the `initiatives.view_replies` permission rather than the right to edit the
page; holders without page rights reach them through "Réponses aux initiatives"."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import Page

from .models import InitiativePage

REPLY_PERMISSION = "initiatives.view_replies"


@hooks.register("filter_form_submissions_for_user")
def initiative_replies_need_the_reply_permission(user, form_pages):
    others = Q(pk__in=form_pages.not_type(InitiativePage).values("pk"))
    if user.has_perm(REPLY_PERMISSION):
        return Page.objects.filter(others | Q(pk__in=Page.objects.type(InitiativePage).values("pk")))
    return Page.objects.filter(others)


class InitiativeRepliesView(FormPagesListView):
    """The Forms index limited to initiatives, open to the reply permission
    alone (Wagtail's asks for page rights)."""

    any_permission_required = None
    index_url_name = "initiative_replies:index"
    index_results_url_name = "initiative_replies:index_results"
    page_title = _("Réponses aux initiatives")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPLY_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return super().get_base_queryset().type(InitiativePage)


urlpatterns = [
    path("", InitiativeRepliesView.as_view(), name="index"),
    path("results/", InitiativeRepliesView.as_view(results_only=True), name="index_results"),
]


@hooks.register("register_admin_urls")
def register_replies_urls():
    return [path("initiative-replies/", include((urlpatterns, "initiative_replies")))]


class RepliesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPLY_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_replies_menu_item():
    return RepliesMenuItem(
        _("Réponses aux initiatives"),
        reverse("initiative_replies:index"),
        name="initiative-replies",
        icon_name="form",
        order=310,
    )
