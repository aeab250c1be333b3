"""The event page: dates, venue, programme, registration and calendar."""

from functools import cached_property

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.cards import Badge, Card
from editorial.models import EditorialPage, choice_label
from editorial.url_words import LocalizedRoutesMixin, localized_path
from serving.tags import shows
from serving.wagtail_compat import routed_parent

from ..admin_forms import EventPageForm
from ..blocks import ProgrammeBlock
from ..calendar import calendar_response
from ..choices import EventFormat, OurRole, RegistrationMode, RegistrationStatus
from ..forms import RegistrationForm
from ..jsonld import event_json_ld
from ..programme_display import programme_display
from ..schedule import describe_dates, paris, whole_days
from .programme import build_sessions, people_in_bulk, programme_person_ids
from .registration import (
    HOLDING_A_SEAT,
    Registration,
    privacy_notice,
    registration_state,
    registration_status,
    seats_tag,
)


class EventPage(LocalizedRoutesMixin, EditorialPage):
    # Indexed: listings and the upcoming events walk down or up the index instead of sorting every event.
    starts_at = models.DateTimeField(_("début"), help_text=_("Heure de Paris."), db_index=True)
    ends_at = models.DateTimeField(
        _("fin"),
        null=True,
        blank=True,
        help_text=_("Heure de Paris. Les séquences du programme tombent entre ces dates."),
    )
    all_day = models.BooleanField(
        _("toute la journée"),
        default=False,
        help_text=_("Les heures sont ignorées : l'événement occupe des journées entières, du premier au dernier jour."),
    )
    cancelled = models.BooleanField(
        _("annulé"),
        default=False,
        help_text=_(
            "L'événement reste en ligne avec la mention « Annulé » et les inscriptions ferment ; "
            "dépubliez la page pour le retirer complètement."
        ),
    )
    event_format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    our_role = models.CharField(
        _("notre rôle"),
        max_length=20,
        choices=OurRole.choices,
        default=OurRole.ORGANISER,
        help_text=_("Si nous co-organisons ou intervenons seulement, indiquez l'organisme organisateur."),
    )
    organiser = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisme organisateur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("L'organisme qui organise l'événement, quand ce n'est pas nous seuls."),
    )

    venue_name = models.CharField(
        _("nom du lieu"), max_length=255, blank=True, help_text=_("Par exemple « Maison de la Chimie ».")
    )
    street_address = models.CharField(_("adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=20, blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    country = models.CharField(_("pays"), max_length=120, blank=True, default="France")
    map_url = models.URLField(
        _("lien vers une carte"), blank=True, help_text=_("Adresse d'une carte en ligne (OpenStreetMap, par exemple).")
    )
    online_url = models.URLField(
        _("lien pour suivre en ligne"), blank=True, help_text=_("Diffusion ou visioconférence.")
    )

    body = RichTextField(_("présentation"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)

    registration_mode = models.CharField(
        _("inscription"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        help_text=_(
            "« Formulaire du site » : les lecteurs s'inscrivent ici, jusqu'au nombre de places ; le site affiche "
            "« Complet » de lui-même quand elles sont prises. « Complet » et « Fermées » forcent cet affichage."
        ),
    )
    registration_url = models.URLField(
        _("lien d'inscription externe"),
        blank=True,
        help_text=_("Seulement avec « Lien externe » : l'adresse du formulaire d'inscription de l'organisateur."),
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        help_text=_("Seulement avec « Formulaire du site ». Vide : pas de limite."),
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : les inscriptions ferment au début de l'événement."),
    )

    content_panels = (
        Page.content_panels
        + EditorialPage.editorial_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("all_day"),
                    FieldPanel("cancelled"),
                ],
                heading=_("Dates"),
            ),
            MultiFieldPanel(
                [FieldPanel("event_format"), FieldPanel("our_role"), FieldPanel("organiser")],
                heading=_("Format et organisation"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("venue_name"),
                    FieldPanel("street_address"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("city"), FieldPanel("country")]),
                    FieldPanel("map_url"),
                    FieldPanel("online_url"),
                ],
                heading=_("Lieu"),
            ),
            FieldPanel("body"),
            FieldPanel("programme"),
            MultiFieldPanel(
                [
                    FieldPanel("registration_mode"),
                    FieldPanel("registration_url"),
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_closes_at")]),
                ],
                heading=_("Inscription"),
            ),
        ]
        + EditorialPage.related_panels
    )

    translatable_fields = EditorialPage.translatable_fields + [
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("all_day"),
        SynchronizedField("cancelled"),
        SynchronizedField("event_format"),
        SynchronizedField("our_role"),
        TranslatableField("organiser"),
        # Names of places and cities are kept, and count as nothing to translate;
        # the translator may still override one ("Brussels").
        SynchronizedField("venue_name", overridable=True),
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
        SynchronizedField("city", overridable=True),
        TranslatableField("country"),
        SynchronizedField("map_url"),
        SynchronizedField("online_url"),
        TranslatableField("body"),
        TranslatableField("programme"),
        SynchronizedField("registration_mode"),
        SynchronizedField("registration_url"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_closes_at"),
    ]

    search_fields = EditorialPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("starts_at"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        # What the events index and the home page ask first: the events that have not ended.
        indexes = [models.Index(Coalesce("ends_at", "starts_at"), name="event_end_or_start")]

    # Dates ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.all_day:
            self.starts_at, self.ends_at = whole_days(self.starts_at, self.ends_at)
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("La fin de l'événement précède son début.")
        if self.our_role in (OurRole.PARTICIPANT, OurRole.CO_ORGANISER) and not self.organiser_id:
            errors["organiser"] = _("Indiquez l'organisme qui organise l'événement.")
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Indiquez le lien vers le formulaire d'inscription.")
        if errors:
            raise ValidationError(errors)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, paris())

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, paris()) if self.ends_at else None

    listing_date_field = "starts_at"
    view_related = EditorialPage.view_related + ("organiser",)

    @property
    def listing_date(self):
        return self.local_start.date()

    @property
    def is_multi_day(self):
        return bool(self.local_end and self.local_end.date() != self.local_start.date())

    def when(self):
        """The dates (and times) in the reader's language, e.g. « 7 février 2025, 10:00 – 20:30 »."""
        return describe_dates(self.local_start, self.local_end, self.all_day)

    @property
    def type_label(self):
        return choice_label(EventFormat, self.event_format)

    @property
    def has_ended(self):
        """Whether the event is over (one without an end ends when it starts)."""
        return timezone.now() >= (self.ends_at or self.starts_at)

    def ld_entity(self, context):
        return event_json_ld(self, context["request"])

    def card_meta(self, request):
        start = self.local_start
        if self.city:
            place = (self.city,)
        elif self.online_url:
            place = (_("En ligne"),)
        else:
            place = ()
        return Card(
            title=self.title,
            url=self.get_url(request),
            eyebrow=(self.type_label, _("Nous y participons"))
            if self.our_role == OurRole.PARTICIPANT
            else (self.type_label,),
            badges=(Badge(_("Annulé"), "badge--cancelled"),) if self.cancelled else (),
            day=start.date() if self.all_day else start,
            date_text=self.when(),
            byline=place,
            summary=self.summary,
            summary_words=24,
            calendar_day=start,
            modifier="event-card event-card--over" if self.has_ended else "event-card",
        )

    # Place ---------------------------------------------------------------

    @property
    def has_venue(self):
        return bool(self.venue_name or self.street_address or self.city)

    @property
    def attendance_mode(self):
        if self.has_venue and self.online_url:
            return "Mixed"
        return "Online" if self.online_url else "Offline"

    @property
    def address_line(self):
        locality = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street_address, locality, self.country) if part)

    # Programme -----------------------------------------------------------

    @cached_property
    def sessions(self):
        """The programme as `Session`s, in editor order, with their people (one query)."""
        return build_sessions(self)

    @classmethod
    def load_for_view(cls, pages):
        super().load_for_view(pages)
        cls.prefetch_sessions(pages)

    @classmethod
    def prefetch_sessions(cls, pages):
        """Build the sessions of many pages with one query for everyone in them
        (search builds its documents by the hundred)."""
        people = people_in_bulk(set().union(*(programme_person_ids(page) for page in pages)))
        for page in pages:
            page.sessions = build_sessions(page, people)

    def session_entries(self):
        """Each session as a plain dict (what search indexes)."""
        entries = []
        for session in self.sessions:
            names = ", ".join(p.person.name for p in session.people)
            text = " ".join(part for part in (session.description, names) if part)
            entries.append(
                {
                    "anchor": session.anchor,
                    "title": session.title,
                    "text": text,
                    "starts_at": session.starts_at,
                    "ends_at": session.ends_at,
                    "kind": session.kind,
                }
            )
        return entries

    def people(self):
        """Everyone in the programme, once each, in order of first appearance."""
        seen, people = set(), []
        for session in self.sessions:
            for participant in session.people:
                if participant.person.pk not in seen:
                    seen.add(participant.person.pk)
                    people.append(participant)
        return people

    # Registration --------------------------------------------------------

    def seats_taken(self):
        """Seats held for this event in every language (its versions share a translation key)."""
        shows(seats_tag(self.translation_key))
        return Registration.objects.filter(event_key=self.translation_key, status__in=HOLDING_A_SEAT).count()

    def registration_status(self, now=None):
        return registration_status(self, now)

    @cached_property
    def index_page(self):
        # By name: the index module imports this one to list its events.
        index_model = apps.get_model("events", "EventIndexPage")
        # The parent the page was routed from (from the site-wide data), when it is the index.
        parent = routed_parent(self)
        if isinstance(parent, index_model):
            return parent
        return index_model.objects.parent_of(self).first()

    # Views ---------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status, seats_left = registration_state(self)
        context["registration_status"] = status
        context["registration_open"] = status == RegistrationStatus.OPEN
        context["waitlist_open"] = status == RegistrationStatus.FULL and seats_left == 0
        # The form and its privacy notice only while readers may fill it in (or join the waitlist).
        if self.registration_mode == RegistrationMode.FORM and (
            context["registration_open"] or context["waitlist_open"]
        ):
            context["seats_left"] = seats_left if context["registration_open"] else None
            context["registration_form"] = RegistrationForm()
            context["privacy_page"] = privacy_notice(self)
        context["programme"] = programme_display(self.sessions, self.is_multi_day)
        return context

    @localized_path("{register}/", name="register")
    def register_view(self, request):
        # Imported here: the registration views import this module.
        from ..views import register

        return register(self, request)

    @localized_path("{register}/{confirmed}/", name="registered")
    def registered_view(self, request):
        alternates = {}
        for translation in self.get_translations(inclusive=True).live().public().select_related("locale"):
            url = translation.get_url(request)
            if url:
                alternates[translation.locale.language_code] = request.build_absolute_uri(
                    url + translation.reverse_subpage("registered")
                )
        context = {"language_alternates": alternates, "waitlisted": request.GET.get("attente") == "1"}
        return self.render(request, template="events/registration_done.html", context_overrides=context)

    @localized_path("{register}/<str:token>/", name="registration")
    def registration_view(self, request, token):
        from ..views import manage_registration

        return manage_registration(self, request, token)

    @localized_path("{calendar}/", name="ics")
    def ics_view(self, request):
        return calendar_response(request, [self], self.title, filename=f"{self.slug}.ics")
