"""wagtail-localize's "Traduire" and "Synchroniser" routes, within the roles,
and its editor's saving of a text, in the translator's language.

Its views only check `submit_translation`: a translator could create live pages
and snippets in the source language, or publish every translation of a page
at once, untranslated. Here the languages offered are those the user works in
(the only one ticked already), translations are never published from these
routes (the translator publishes from the translation editor), and syncing
lands in that editor."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import edit_string_translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import editable_locale_ids
from .translation_editor import SLUG_SOURCES, propose_slug, with_localized_dates


class OwnLanguagesMixin:
    def get_form(self):
        form = super().get_form()
        allowed = editable_locale_ids(self.request.user)
        locales = form.fields["locales"]
        if allowed is not None:
            locales.queryset = locales.queryset.filter(pk__in=allowed)
        if not form.is_bound and "locales" not in form.initial:
            offered = list(locales.queryset[:2])
            if len(offered) == 1:
                form.initial["locales"] = offered
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


@csrf_exempt  # as the view it wraps: its session authentication checks the token
def save_string_translation(request, translation_id, string_segment_id):
    """wagtail-localize's saving of one text, with its comment dated in the
    translator's language; a translated title proposes the slug."""
    response = edit_string_translation(request, translation_id, string_segment_id)
    if response.status_code not in (200, 201):
        return response
    response.data["comment"] = with_localized_dates(response.data["comment"])
    translation = Translation.objects.select_related("source", "target_locale").get(pk=translation_id)
    if (
        request.method == "PUT"
        and translation.source.stringsegment_set.filter(pk=string_segment_id, context__path__in=SLUG_SOURCES).exists()
    ):
        propose_slug(translation)
    return response


def urls():
    # Registered before wagtail-localize's own (this app comes first in
    # INSTALLED_APPS), so these views answer on the same addresses.
    return [
        path("localize/submit/page/<int:page_id>/", SubmitPageView.as_view()),
        path("localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", SubmitSnippetView.as_view()),
        path("localize/update/<int:translation_source_id>/", SyncView.as_view()),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            save_string_translation,
        ),
    ]
