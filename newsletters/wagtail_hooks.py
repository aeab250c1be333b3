"""Admin: newsletter issues (a translatable snippet with its preview, test
and send), subscribers (read, export, erase)."""

from django.apps import apps
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem, SubmitForModerationMenuItem
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.models import EditorialPage

from . import admin_views
from .alerts import announce, announce_when_published
from .models import NewsletterIssue, Subscriber


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Lettres d'information")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["subject", "locale", "created_at"]


register_snippet(NewsletterIssueViewSet)


@hooks.register("register_snippet_listing_buttons")
def issue_buttons(snippet, user, next_url=None):
    if isinstance(snippet, NewsletterIssue) and user.has_perm("newsletters.change_newsletterissue"):
        yield ListingButton(
            _("Aperçu, test et envoi"), reverse("newsletters_issue_deliveries", args=[snippet.pk]), priority=5
        )


class SubscriberIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("newsletters.view_subscriber"):
            url = reverse("newsletters_subscriber_export", args=[instance.pk])
            buttons.append(ListingButton(_("Exporter ses données (JSON)"), url, icon_name="download", priority=50))
        return buttons


class SubscriberViewSet(ModelViewSet):
    """Deleting a subscriber here erases everything kept about the address
    (its choices, consent, what it was sent): a GDPR erasure request."""

    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "user"
    menu_label = _("Abonnés")
    menu_order = 320
    add_to_admin_menu = True
    form_fields = ["language", "newsletter", "alert_frequency"]
    list_display = ["email", "language", "status", "newsletter", "created_at", "confirmed_at"]
    list_filter = ["status", "language", "newsletter"]
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("subscribers")


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletters/<int:pk>/", admin_views.deliveries, name="newsletters_issue_deliveries"),
        path("newsletters/<int:pk>/preview/", admin_views.preview, name="newsletters_issue_preview"),
        path("newsletters/<int:pk>/test/", admin_views.test_send, name="newsletters_issue_test"),
        path("subscribers/<int:pk>/export/", admin_views.export_subscriber, name="newsletters_subscriber_export"),
    ]


def is_editorial_page(context):
    if context["view"] == "create":
        kwargs = context["request"].resolver_match.kwargs
        model = apps.get_model(kwargs["content_type_app_name"], kwargs["content_type_model_name"])
    else:
        model = context["page"].specific_class
    return bool(model and issubclass(model, EditorialPage))


class EditorialPagesOnly:
    """Mixin for the action menu items that alert subscribers: only pages
    that have topics to follow offer them."""

    def is_shown(self, context):
        return is_editorial_page(context) and super().is_shown(context)


class PublishAndNotifyMenuItem(EditorialPagesOnly, PublishMenuItem):
    """Publishing that also alerts the subscribers following the page's topics
    (once per language); the plain "Publier" alerts nobody, so corrections stay quiet."""

    label = _("Publier et prévenir les abonnés")
    name = "action-publish-notify"
    template_name = "newsletters/admin/publish_and_notify.html"
    icon_name = "mail"
    order = 5


class SubmitAndNotifyMenuItem(EditorialPagesOnly, SubmitForModerationMenuItem):
    """For editors who publish through review: the subscribers are alerted
    when the reviewer's approval publishes the page, not at the submission."""

    label = _("Soumettre et prévenir les abonnés à la publication")
    name = "action-submit-notify"
    template_name = "newsletters/admin/submit_and_notify.html"
    icon_name = "mail"
    order = 25

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # Wagtail relabels its own item "Resubmit to …" on a page in review.
        context["label"] = self.label
        return context


@hooks.register("register_page_action_menu_item")
def register_publish_and_notify():
    return PublishAndNotifyMenuItem()


@hooks.register("register_page_action_menu_item")
def register_submit_and_notify():
    return SubmitAndNotifyMenuItem()


@hooks.register("after_publish_page")
def notify_if_asked(request, page):
    if request.POST.get("action-publish") != "notify":
        return
    if page.live:
        announce(page, base_url=request.build_absolute_uri("/"))
    else:
        # Scheduled (a go-live date ahead): announced when `publish_scheduled` publishes it.
        announce_when_published(page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def notify_at_publication_if_asked(request, page):
    if request.POST.get("action-submit") == "notify":
        announce_when_published(page)
