"""The registrations officer's dashboard panel: upcoming events taking
registrations, seats taken against capacity, and a link to each list."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .models import EventPage, Registration, RegistrationMode

PANEL_LIMIT = 10


def upcoming_events():
    """Events of the source language still to come that take registrations
    here, with their seats taken in every language, in one query."""
    taken = (
        Registration.objects.filter(event_key=OuterRef("translation_key"))
        .values("event_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        EventPage.objects.live()
        .filter(locale=Locale.get_default(), registration_mode=RegistrationMode.FORM, starts_at__gte=timezone.now())
        .annotate(taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0))
        .order_by("starts_at")
    )


class UpcomingRegistrationsPanel(Component):
    name = "upcoming_registrations"
    template_name = "events/admin/upcoming_registrations_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        index = reverse("registrations:index")
        events = [
            {"page": event, "taken": event.taken, "list_url": f"{index}?event_key={event.translation_key}"}
            for event in upcoming_events()[:PANEL_LIMIT]
        ]
        return {"events": events, "all_url": index, "request": parent_context["request"]}
