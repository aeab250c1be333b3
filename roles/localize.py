"""wagtail-localize's "Traduire" and "Synchroniser" routes, within the roles.

Its views only check `submit_translation`: a translator could create live pages
and snippets in the source language, or publish every translation of a page
at once, untranslated. Here the languages offered are those the user works in,
translations are never published from these routes (the translator publishes
from the translation editor), and syncing lands in that editor."""

from django.urls import path
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import editable_locale_ids


class OwnLanguagesMixin:
    def get_form(self):
        form = super().get_form()
        allowed = editable_locale_ids(self.request.user)
        if allowed is not None:
            locales = form.fields["locales"]
            locales.queryset = locales.queryset.filter(pk__in=allowed)
        return form


class SubmitPageView(OwnLanguagesMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetView(OwnLanguagesMixin, SubmitSnippetTranslationView):
    pass


class SyncView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        form.fields.pop("publish_translations")
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)

    def get_success_url(self):
        return super().get_success_url() or self.translation_editor_url()

    def translation_editor_url(self):
        """The edit view of the translation the user works on, if there is exactly one."""
        instance = self.object.get_source_instance()
        allowed = editable_locale_ids(self.request.user)
        translations = instance.get_translations()
        if allowed is not None:
            translations = translations.filter(locale_id__in=allowed)
        targets = list(translations[:2])
        return self.get_edit_url(targets[0]) if len(targets) == 1 else None


def urls():
    # Registered before wagtail-localize's own (this app comes first in
    # INSTALLED_APPS), so these views answer on the same addresses.
    return [
        path("localize/submit/page/<int:page_id>/", SubmitPageView.as_view()),
        path("localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", SubmitSnippetView.as_view()),
        path("localize/update/<int:translation_source_id>/", SyncView.as_view()),
    ]
