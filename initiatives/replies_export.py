"""The replies list and its exports (Forms section of the admin)."""

from wagtail.contrib.forms.views import SubmissionsListView

from security.spreadsheets import spreadsheet_cell


class RepliesListView(SubmissionsListView):
    """Wagtail's list of a form's submissions, whose CSV and XLSX give what
    readers typed as text: a reply starting with `=` is no formula in Excel."""

    def preprocess_field_value(self, field, value, export_format):
        return super().preprocess_field_value(field, spreadsheet_cell(value), export_format)
