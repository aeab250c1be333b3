"""Registrations in the admin: read by staff with `events.view_registration`,
exported (CSV, CSV for Excel, XLSX) only by those who also have
`events.export_registration`. Lists filter by event and by date; exports give
Paris times and the values as the list shows them."""

import csv
from datetime import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.mixins import Echo
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from security.spreadsheets import spreadsheet_cell

from .choices import SeatStatus
from .emails import send_registration_mail
from .models import EventPage, Registration, RegistrationMode
from .waitlist import promote_by_hand

# French Excel reads a CSV as the system's code page with `;` between columns
# unless the file starts with a byte order mark.
EXCEL_CSV = "csv-excel"


def event_label(event):
    return f"{event.title} ({date_format(timezone.localtime(event.starts_at), 'SHORT_DATE_FORMAT')})"


def event_choices():
    """One choice per event (its source-language version), newest first: the
    list of an event holds the registrations made in every language."""
    registered = Registration.objects.values("event_key")
    events = EventPage.objects.filter(locale=Locale.get_default()).filter(
        Q(registration_mode=RegistrationMode.FORM) | Q(translation_key__in=registered)
    )
    return [(str(event.translation_key), event_label(event)) for event in events.order_by("-starts_at")]


class RegistrationFilterSet(WagtailFilterSet):
    event_key = django_filters.ChoiceFilter(label=_("Événement"), choices=event_choices, empty_label=_("Tous"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Inscrit le"), widget=DateRangePickerWidget)
    event_date = django_filters.DateFromToRangeFilter(
        label=_("Date de l'événement"), field_name="event__starts_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = Registration
        fields = ["event_key", "status", "created_at", "event_date", "language"]


def readable(value):
    """A value as the officer reads it: Paris time, Oui/Non."""
    if isinstance(value, bool):
        return gettext("Oui") if value else gettext("Non")
    return value


class RegistrationIndexView(IndexView):
    FORMATS = (*IndexView.FORMATS, EXCEL_CSV)

    @cached_property
    def can_export(self):
        return self.request.user.has_perm("events.export_registration")

    @cached_property
    def show_export_buttons(self):
        return self.can_export and super().show_export_buttons

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.show_export_buttons:
            label = _("Télécharger CSV pour Excel")
            buttons.append(Button(label, url=self.get_export_url(EXCEL_CSV), icon_name="download", priority=95))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != SeatStatus.REGISTERED and self.request.user.has_perm("events.change_registration"):
            url = reverse("registration_promote", args=[instance.pk])
            buttons.append(ListingButton(_("Inscrire (hors liste d'attente)"), url, icon_name="success", priority=5))
        return buttons

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and not self.can_export:
            raise PermissionDenied
        return super().render_to_response(context, **response_kwargs)

    def get_filename(self):
        key = self.request.GET.get("event_key")
        event = EventPage.objects.filter(translation_key=key, locale=Locale.get_default()).first() if key else None
        return f"{self.export_filename}-{slugify(event.title)}" if event else self.export_filename

    def to_row_dict(self, registration):
        shown = {
            "event": registration.event.title,
            "event_starts_at": timezone.localtime(registration.event.starts_at),
            "language": registration.get_language_display(),
            "status": registration.get_status_display(),
            "created_at": timezone.localtime(registration.created_at),
        }
        return {field: shown[field] if field in shown else getattr(registration, field) for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        value = readable(spreadsheet_cell(value))
        if isinstance(value, datetime):
            if export_format == self.FORMAT_XLSX:
                # Excel has no time zones: the cell holds the Paris wall-clock time.
                return timezone.make_naive(value)
            return value.strftime("%d/%m/%Y %H:%M")
        return super().preprocess_field_value(field, value, export_format)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format == EXCEL_CSV:
            return self.write_excel_csv_response(queryset)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def write_excel_csv_response(self, queryset):
        def rows():
            yield "\ufeff".encode()
            writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
            yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
            for item in queryset:
                yield self.write_csv_row(writer, self.to_row_dict(item))

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}-excel.csv"'
        return response


def promote(request, pk):
    """Staff register a reader from the waitlist themselves (POST), whatever the seats left."""
    if not request.user.has_perm("events.change_registration"):
        raise PermissionDenied
    registration = get_object_or_404(Registration, pk=pk)
    if request.method == "POST":
        if promote_by_hand(registration):
            send_registration_mail(registration, registration.event)
            messages.success(
                request, gettext("%(name)s est inscrit ; un e-mail le lui confirme.") % {"name": registration.name}
            )
        return redirect(reverse("registrations:index") + f"?event_key={registration.event_key}")
    return TemplateResponse(request, "events/admin/promote.html", {"registration": registration})


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    icon = "group"
    menu_label = _("Inscriptions")
    menu_order = 300
    add_to_admin_menu = True
    form_fields = ["name", "email", "organisation", "consent"]
    list_display = ["name", "email", "organisation", "event", "status", "language", "created_at"]
    list_export = [
        "event",
        "event_starts_at",
        "name",
        "email",
        "organisation",
        "status",
        "language",
        "consent",
        "created_at",
    ]
    export_headings = {"event_starts_at": _("Date de l'événement")}
    export_filename = "inscriptions"
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Registration.objects.select_related("event")
