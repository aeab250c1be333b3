"""The event's admin form: programme sessions fall within the event's dates."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from editorial.forms import EditorialPageForm

from .schedule import paris


def allowed_days(starts_at, ends_at):
    """(first, last) local dates of an event, from the form's start and end."""
    first = timezone.localtime(starts_at, paris()).date()
    last = timezone.localtime(ends_at, paris()).date() if ends_at else first
    return first, max(first, last)


def days_message(first, last):
    if first == last:
        return _("Cette séquence doit avoir lieu le jour de l'événement, le %(day)s.") % {
            "day": date_format(first, "DATE_FORMAT")
        }
    return _("Cette séquence doit avoir lieu pendant l'événement, du %(first)s au %(last)s.") % {
        "first": date_format(first, "DATE_FORMAT"),
        "last": date_format(last, "DATE_FORMAT"),
    }


class EventPageForm(EditorialPageForm):
    """Refuses, on every save, a session dated outside the event (a draft too:
    the date on the public page would otherwise be wrong or missing)."""

    def clean(self):
        cleaned_data = super().clean()
        starts_at, programme = cleaned_data.get("starts_at"), cleaned_data.get("programme")
        if not starts_at or not programme:
            return cleaned_data
        first, last = allowed_days(starts_at, cleaned_data.get("ends_at"))
        errors = {
            position: StructBlockValidationError(block_errors={"day": ValidationError(days_message(first, last))})
            for position, block in enumerate(programme)
            if block.block_type == "session" and block.value.get("day") and not first <= block.value["day"] <= last
        }
        if errors:
            self.add_error("programme", StreamBlockValidationError(block_errors=errors))
        return cleaned_data
