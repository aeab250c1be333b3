"""The events of a language: the index page, its filters and its calendar feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from editorial.listing import Listing, choice_filter, mark_empty_options, topic_filter, year_filter
from editorial.models import SectionIndexPage
from editorial.url_words import LocalizedRoutesMixin, localized_path

from ..calendar import calendar_response
from ..choices import EventFormat, OurRole
from ..schedule import UpcomingThenPast, not_ended, soonest_first, with_end
from .page import EventPage


def upcoming_events(locale, limit=None, now=None):
    """Live, public events of `locale` that have not ended, soonest first."""
    queryset = soonest_first(with_end(EventPage.objects.live().public().filter(locale=locale)).filter(not_ended(now)))
    return queryset[:limit] if limit else queryset


class EventIndexPage(LocalizedRoutesMixin, SectionIndexPage):
    """The events of a language (`/fr/evenements/`, `/en/events/`) and their calendar feed."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("politique de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Page liée depuis la case de consentement des formulaires d'inscription."),
    )

    content_panels = SectionIndexPage.content_panels + [FieldPanel("privacy_page")]
    translatable_fields = SectionIndexPage.translatable_fields + [SynchronizedField("privacy_page")]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("index des événements")
        verbose_name_plural = pgettext_lazy("pluriel", "index des événements")

    def events(self):
        return EventPage.objects.live().public().child_of(self).filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.events()
        context["listing"] = listing = Listing(
            request,
            events.defer_streamfields(),
            filters=[
                topic_filter(events, self.locale_id),
                choice_filter("format", _("Format"), "event_format", EventFormat.choices, events),
                year_filter(events, "starts_at"),
                choice_filter("role", _("Notre rôle"), "our_role", OurRole.choices, events),
            ],
            per_page=12,
            cache_key=f"page-{self.pk}",
            order=UpcomingThenPast,
            changes_with_time=True,
        )
        mark_empty_options(listing, events)
        context["calendar_url"] = request.build_absolute_uri(self.url + self.reverse_subpage("calendar"))
        context["webcal_url"] = "webcal://" + context["calendar_url"].split("://", 1)[1]
        return context

    @localized_path("{calendar}/", name="calendar")
    def calendar_feed(self, request):
        """The upcoming events of this language, to subscribe to in a calendar application."""
        events = list(upcoming_events(self.locale).child_of(self))
        return calendar_response(request, events, self.title, filename=f"{self.slug}.ics", inline=True)
