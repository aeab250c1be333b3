"""Lists of translatable snippets (topics, people, organisations) in the
language the editor works in.

Wagtail lists every language at once by default, and links each row to an
edit form the user's role may refuse. Here a list opens on the editor's
language (the admin's language when they may change it, else the first
they may), keeps Wagtail's language filter to see the others (named
"Langue" in the choosers too), and links only the rows the user may change. Which languages a user may change is the roles
layer's rule, asked through the `working_locale_ids` hook (a function of the
user returning locale ids, or None for every language)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

WORKING_LOCALES_HOOK = "working_locale_ids"


def working_locale_ids(user):
    """Ids of the locales `user` may change, or None for all of them."""
    for working_locales in hooks.get_hooks(WORKING_LOCALES_HOOK):
        ids = working_locales(user)
        if ids is not None:
            return ids
    return None


def default_locale(user):
    """The locale a list opens on for `user`."""
    allowed = working_locale_ids(user)
    own = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    if allowed is None or own.pk in allowed:
        return own
    return Locale.objects.filter(pk__in=allowed).order_by("language_code").first() or own


class LanguageIndexView(IndexView):
    def get_locale(self):
        if not self.i18n_enabled or "locale" in self.request.GET:
            return super().get_locale()
        return default_locale(self.request.user)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if self.i18n_enabled and "locale" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["locale"] = self.locale.language_code
            kwargs["data"] = data
        return kwargs

    def get_edit_url(self, instance):
        allowed = working_locale_ids(self.request.user)
        if allowed is not None and instance.locale_id not in allowed:
            return None
        return super().get_edit_url(instance)


class LanguageFilterLabelMixin:
    """Wagtail's chooser names its language filter after the field, "Locale"."""

    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = _("Langue")
        return form


class LanguageChooseView(LanguageFilterLabelMixin, ChooseView):
    pass


class LanguageChooseResultsView(LanguageFilterLabelMixin, ChooseResultsView):
    pass


class LanguageCreateView(SnippetCreateView):
    """Creates from a chooser in the chooser's language (the page's), and only
    in a language the user may change."""

    def dispatch(self, request, *args, **kwargs):
        self.locale = Locale.objects.filter(language_code=request.GET.get("locale")).first() or default_locale(
            request.user
        )
        allowed = working_locale_ids(request.user)
        if allowed is not None and self.locale.pk not in allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "instance": self.model_class(locale=self.locale)}


class LanguageChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LanguageChooseView
    choose_results_view_class = LanguageChooseResultsView
    create_view_class = LanguageCreateView


class LanguageSnippetViewSet(SnippetViewSet):
    index_view_class = LanguageIndexView
    chooser_viewset_class = LanguageChooserViewSet
