"""The admin form of every content page. Wagtail saves a draft without its
required fields ("save" defers them); everything else (submitting for review,
a workflow action, publishing) also checks the page's publish requirements."""

from wagtail.admin.forms import WagtailAdminPageForm


class EditorialPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            for field, message in self.instance.publish_requirements(cleaned_data, self.kept_rows("page_topics")):
                if field in self.errors:
                    # The page's own words replace Django's bare "required".
                    del self.errors[field]
                self.add_error(field if field in self.fields else None, message)
        return cleaned_data

    def kept_rows(self, relation):
        """The rows of an inline panel that will be saved, as their cleaned data."""
        formset = self.formsets.get(relation)
        if formset is None:
            return []
        # Not `has_changed()`: Wagtail validates the form again once the rows
        # are saved, when a kept row no longer differs from its initial data.
        return [
            form.cleaned_data
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


def unmet_publish_requirements(page):
    """What `page` (a revision's object, say) lacks to be published, outside the
    editor's form: Wagtail's bulk "publish" goes through no form."""
    requirements = getattr(page, "publish_requirements", None)
    if requirements is None:
        return []
    data = {field.name: getattr(page, field.attname, None) for field in page._meta.concrete_fields}
    topics = [{"topic": link.topic} for link in page.page_topics.all()]
    return [message for _field, message in requirements(data, topics)]
