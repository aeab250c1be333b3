"""The admin form of every content page. Wagtail saves a draft without its
required fields ("save" defers them); everything else (submitting for review,
a workflow action, publishing) also checks the page's publish requirements."""

from wagtail.admin.forms import WagtailAdminPageForm


class EditorialPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            for field, message in self.instance.publish_requirements(cleaned_data, self.kept_rows("page_topics")):
                self.add_error(field if field in self.fields else None, message)
        return cleaned_data

    def kept_rows(self, relation):
        """The rows of an inline panel that will be saved, as their cleaned data."""
        formset = self.formsets.get(relation)
        if formset is None:
            return []
        return [
            form.cleaned_data
            for form in formset.forms
            if form.is_valid() and form.has_changed() and not form.cleaned_data.get("DELETE")
        ]
