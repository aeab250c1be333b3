"""The report editor's form."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ReportPageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing needs a summary and a topic, said plainly."""

    SUMMARY_MISSING = _(
        "Un rapport ne peut pas être publié sans résumé : il est repris dans les listes, les flux et les aperçus."
    )
    TOPIC_MISSING = _("Un rapport ne peut pas être publié sans au moins un thème : ajoutez-en un.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "summary" in self.fields:
            self.fields["summary"].error_messages["required"] = self.SUMMARY_MISSING

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        if "summary" not in self.errors and not (cleaned_data.get("summary") or "").strip():
            self.add_error("summary", self.SUMMARY_MISSING)
        topics = self.formsets.get("page_topics")
        if topics is not None:
            kept = [
                form
                for form in topics.forms
                if form.is_valid() and form.cleaned_data.get("topic") and not form.cleaned_data.get("DELETE")
            ]
            if not kept:
                self.add_error(None, self.TOPIC_MISSING)
        return cleaned_data
