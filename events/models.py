"""Events: the index of a language's events and the event page (dates, venue,
programme, registration, calendars), the table of who speaks where, and the
registrations readers make through the built-in form."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.models import EditorialPage, SectionIndexPage
from people.models import Person

from .blocks import ProgrammeBlock, SessionKind


class EventFormat(models.TextChoices):
    CONFERENCE = "conference", _("Conférence")
    SUMMIT = "summit", _("Sommet")
    ROUND_TABLE = "round_table", _("Table ronde")
    WORKSHOP = "workshop", _("Atelier")
    WEBINAR = "webinar", _("Webinaire")
    HEARING = "hearing", _("Audition")


class OurRole(models.TextChoices):
    ORGANISER = "organiser", _("Organisateur")
    CO_ORGANISER = "co_organiser", _("Co-organisateur")
    PARTICIPANT = "participant", _("Participant")


class RegistrationMode(models.TextChoices):
    FORM = "form", _("Formulaire du site")
    EXTERNAL = "external", _("Lien externe")
    FULL = "full", _("Complet")
    CLOSED = "closed", _("Fermées")
    NONE = "none", _("Pas d'inscription")


class RegistrationStatus(models.TextChoices):
    OPEN = "open", _("Inscriptions ouvertes")
    FULL = "full", _("Complet")
    CLOSED = "closed", _("Inscriptions closes")
    NOT_NEEDED = "not_needed", _("Entrée libre, sans inscription")


def list_items(raw_list):
    """The item values of a ListBlock's stored data (items are `{"type", "value", "id"}` dicts)."""
    return [
        item["value"] if isinstance(item, dict) and "value" in item and "id" in item else item
        for item in raw_list or []
    ]


def paris():
    return ZoneInfo(settings.TIME_ZONE)


def not_ended(now=None):
    """Events that have not ended yet (an event without an end ends when it starts)."""
    return Q(ends_or_starts_at__gte=now or timezone.now())


def with_end(queryset):
    return queryset.annotate(ends_or_starts_at=Coalesce("ends_at", "starts_at"))


def upcoming_first(queryset, now=None):
    """Upcoming events first (soonest first), then past ones (newest first)."""
    queryset = with_end(queryset).annotate(
        is_over=Case(When(not_ended(now), then=Value(0)), default=Value(1), output_field=models.IntegerField())
    )
    return queryset.order_by(
        "is_over",
        Case(When(is_over=0, then=F("starts_at"))).asc(nulls_last=True),
        Case(When(is_over=1, then=F("starts_at"))).desc(nulls_last=True),
        "pk",
    )


def upcoming_events(locale, limit=None, now=None):
    """Live, public events of `locale` that have not ended, soonest first."""
    queryset = with_end(EventPage.objects.live().public().filter(locale=locale)).filter(not_ended(now))
    queryset = queryset.order_by("starts_at", "pk")
    return queryset[:limit] if limit else queryset


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
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

    def events(self):
        return EventPage.objects.live().public().child_of(self).filter(locale_id=self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from editorial.listing import LinkFilter, Listing
        from topics.models import Topic

        context = super().get_context(request, *args, **kwargs)
        events = self.events()
        topics = Topic.objects.filter(locale_id=self.locale_id, page_links__page__in=events.values("pk")).distinct()
        years = [day.year for day in events.dates("starts_at", "year", order="DESC")]
        used_formats = set(events.values_list("event_format", flat=True))
        used_roles = set(events.values_list("our_role", flat=True))
        context["listing"] = Listing(
            request,
            upcoming_first(events),
            filters=[
                LinkFilter(
                    "theme",
                    _("Thème"),
                    [(topic.slug, topic.name, topic) for topic in topics],
                    lambda qs, topic: qs.filter(page_topics__topic=topic),
                ),
                LinkFilter(
                    "format",
                    _("Format"),
                    [(value, label, value) for value, label in EventFormat.choices if value in used_formats],
                    lambda qs, value: qs.filter(event_format=value),
                ),
                LinkFilter(
                    "annee",
                    _("Année"),
                    [(year, str(year), year) for year in years],
                    lambda qs, year: qs.filter(starts_at__year=year),
                ),
                LinkFilter(
                    "role",
                    _("Notre rôle"),
                    [(value, label, value) for value, label in OurRole.choices if value in used_roles],
                    lambda qs, value: qs.filter(our_role=value),
                ),
            ],
            per_page=12,
        )
        context["calendar_url"] = request.build_absolute_uri(self.url + self.reverse_subpage("calendar"))
        context["webcal_url"] = "webcal://" + context["calendar_url"].split("://", 1)[1]
        return context

    @path("calendrier/", name="calendar")
    def calendar_feed(self, request):
        """The upcoming events of this language, to subscribe to in a calendar application."""
        from .calendar import calendar_response

        events = list(upcoming_events(self.locale).child_of(self))
        return calendar_response(request, events, self.title, filename=f"{self.slug}.ics", inline=True)


@dataclass
class Participant:
    person: object
    session_role: str = ""

    @property
    def role(self):
        """The role for this session, or the one on the person's record."""
        return self.session_role or self.person.role


@dataclass
class Session:
    anchor: str
    kind: str
    title: str
    description: str
    starts_at: datetime | None
    ends_at: datetime | None
    moderators: list = field(default_factory=list)
    speakers: list = field(default_factory=list)
    ours: bool = False

    @property
    def kind_label(self):
        return SessionKind.LABELS.get(self.kind, self.kind)

    @property
    def people(self):
        return self.moderators + self.speakers


class EventPage(RoutablePageMixin, EditorialPage):
    starts_at = models.DateTimeField(_("début"), help_text=_("Heure de Paris."))
    ends_at = models.DateTimeField(_("fin"), null=True, blank=True)
    all_day = models.BooleanField(
        _("toute la journée"),
        default=False,
        help_text=_("Les heures sont ignorées : l'événement occupe des journées entières, du premier au dernier jour."),
    )
    cancelled = models.BooleanField(_("annulé"), default=False)
    event_format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    our_role = models.CharField(_("notre rôle"), max_length=20, choices=OurRole.choices, default=OurRole.ORGANISER)
    organiser = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisateur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("L'organisme qui organise l'événement, quand ce n'est pas nous seuls."),
    )

    venue_name = models.CharField(_("lieu"), max_length=255, blank=True)
    street_address = models.CharField(_("adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=20, blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    country = models.CharField(_("pays"), max_length=120, blank=True, default="France")
    map_url = models.URLField(_("lien vers une carte"), blank=True)
    online_url = models.URLField(
        _("lien pour suivre en ligne"), blank=True, help_text=_("Diffusion ou visioconférence.")
    )

    body = RichTextField(_("présentation"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)

    registration_mode = models.CharField(
        _("inscription"), max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.NONE
    )
    registration_url = models.URLField(_("lien d'inscription externe"), blank=True)
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : pas de limite.")
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
        TranslatableField("venue_name"),
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
        TranslatableField("city"),
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

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    # Dates ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.all_day:
            # A whole-day event runs from the first day's midnight to the last day's end,
            # so "upcoming" and calendars need no special case for it.
            first = timezone.localtime(self.starts_at, paris()).date()
            last = timezone.localtime(self.ends_at, paris()).date() if self.ends_at else first
            self.starts_at = datetime.combine(first, time.min, tzinfo=paris())
            self.ends_at = datetime.combine(max(first, last), time(23, 59, 59), tzinfo=paris())
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

    @property
    def listing_date(self):
        return self.local_start.date()

    @property
    def is_multi_day(self):
        return bool(self.local_end and self.local_end.date() != self.local_start.date())

    def when(self):
        """The dates (and times) in the reader's language, e.g. « 7 février 2025, 10:00 – 20:30 »."""
        start, end = self.local_start, self.local_end
        first = date_format(start, "DATE_FORMAT")
        if self.all_day:
            if not self.is_multi_day:
                return first
            return gettext("du %(first)s au %(last)s") % {"first": first, "last": date_format(end, "DATE_FORMAT")}
        if end is None:
            return gettext("%(day)s à %(time)s") % {"day": first, "time": time_format(start)}
        if not self.is_multi_day:
            return gettext("%(day)s, %(start)s – %(end)s") % {
                "day": first,
                "start": time_format(start),
                "end": time_format(end),
            }
        return gettext("du %(first)s à %(start)s au %(last)s à %(end)s") % {
            "first": first,
            "start": time_format(start),
            "last": date_format(end, "DATE_FORMAT"),
            "end": time_format(end),
        }

    @property
    def type_label(self):
        return self.get_event_format_display()

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
        """The programme as `Session`s, in editor order, with their people.

        Built from the stored data with a single query for everyone in it (and
        their organisations), so the page costs the same whatever the programme."""
        session_block = self.programme.stream_block.child_blocks["session"]
        raw_sessions = [raw for raw in self.programme.raw_data if raw["type"] == "session"]
        values = [
            (
                raw,
                {
                    **raw["value"],
                    "moderators": list_items(raw["value"].get("moderators")),
                    "speakers": list_items(raw["value"].get("speakers")),
                },
            )
            for raw in raw_sessions
        ]
        ids = {
            item.get("person") for _raw, value in values for name in ("moderators", "speakers") for item in value[name]
        }
        people = Person.objects.select_related("organisation").in_bulk(ids - {None})

        def participants(items):
            return [
                Participant(people[item["person"]], item.get("role") or "")
                for item in items
                if item.get("person") in people
            ]

        sessions = []
        for position, (raw, value) in enumerate(values):
            day = session_block.child_blocks["day"].to_python(value.get("day")) or self.local_start.date()
            start_time = session_block.child_blocks["start_time"].to_python(value.get("start_time"))
            end_time = session_block.child_blocks["end_time"].to_python(value.get("end_time"))
            moderators, speakers = participants(value["moderators"]), participants(value["speakers"])
            sessions.append(
                Session(
                    # Block ids survive edits and translation; a block not saved yet has none.
                    anchor=f"seance-{(raw.get('id') or str(position))[:8]}",
                    kind=value.get("kind") or "",
                    title=value.get("title") or "",
                    description=value.get("description") or "",
                    starts_at=datetime.combine(day, start_time, tzinfo=paris()) if start_time else None,
                    ends_at=datetime.combine(day, end_time, tzinfo=paris()) if end_time else None,
                    moderators=moderators,
                    speakers=speakers,
                    ours=bool(value.get("our_people")) or any(p.person.is_staff_member for p in moderators + speakers),
                )
            )
        return sessions

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
        """Registrations for this event in every language (its versions share a translation key)."""
        return Registration.objects.filter(event_key=self.translation_key).count()

    def registration_status(self, now=None, seats_taken=None):
        mode = self.registration_mode
        if mode == RegistrationMode.NONE:
            return RegistrationStatus.NOT_NEEDED
        if mode == RegistrationMode.CLOSED or self.cancelled:
            return RegistrationStatus.CLOSED
        if mode == RegistrationMode.FULL:
            return RegistrationStatus.FULL
        now = now or timezone.now()
        if now >= (self.registration_closes_at or self.starts_at):
            return RegistrationStatus.CLOSED
        if mode == RegistrationMode.FORM and self.capacity is not None:
            taken = self.seats_taken() if seats_taken is None else seats_taken
            if taken >= self.capacity:
                return RegistrationStatus.FULL
        return RegistrationStatus.OPEN

    @cached_property
    def index_page(self):
        return EventIndexPage.objects.parent_of(self).select_related("privacy_page").first()

    def privacy_page(self):
        """The privacy notice linked from the consent box, in the page's language."""
        privacy = self.index_page.privacy_page if self.index_page else None
        if privacy is None:
            return None
        localized = privacy.localized
        return localized if localized.live else None

    # Structured data -----------------------------------------------------

    def json_ld(self, request):
        """schema.org `Event`, from the same fields as the page and the calendar."""
        absolute = request.build_absolute_uri
        our_organisation = {
            "@type": "Organization",
            "name": gettext(settings.ORGANISATION_NAME),
            "url": absolute(f"/{self.locale.language_code}/"),
        }
        organisers = []
        if self.our_role in (OurRole.ORGANISER, OurRole.CO_ORGANISER):
            organisers.append(our_organisation)
        if self.organiser and self.our_role != OurRole.ORGANISER:
            organisers.append(
                {
                    "@type": "Organization",
                    "name": self.organiser.name,
                    **({"url": self.organiser.website} if self.organiser.website else {}),
                }
            )
        if self.all_day:
            start, end = self.local_start.date().isoformat(), self.local_end.date().isoformat()
        else:
            start = self.local_start.isoformat()
            end = self.local_end.isoformat() if self.local_end else None
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": absolute(self.url),
            "startDate": start,
            "eventStatus": "https://schema.org/EventCancelled"
            if self.cancelled
            else "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{self.attendance_mode}EventAttendanceMode",
            "inLanguage": self.locale.language_code,
        }
        if end:
            data["endDate"] = end
        locations = []
        if self.has_venue:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue_name or self.city,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": self.street_address,
                        "postalCode": self.postcode,
                        "addressLocality": self.city,
                        "addressCountry": self.country,
                    },
                }
            )
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if organisers:
            data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
        performers = [
            {"@type": "Person", "name": p.person.name, **({"jobTitle": p.role} if p.role else {})}
            for p in self.people()
        ]
        if performers:
            data["performer"] = performers
        return data

    # Views ---------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from .forms import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        status = self.registration_status()
        context["registration_status"] = status
        context["registration_open"] = status == RegistrationStatus.OPEN
        if self.registration_mode == RegistrationMode.FORM:
            if self.capacity is not None and status == RegistrationStatus.OPEN:
                context["seats_left"] = max(self.capacity - self.seats_taken(), 0)
            context.setdefault("registration_form", RegistrationForm())
            context["privacy_page"] = self.privacy_page()
        context["jsonld"] = self.json_ld(request)
        context["calendar_index"] = self.index_page
        return context

    @path("inscription/", name="register")
    def register_view(self, request):
        from .views import register

        return register(self, request)

    @path("inscription/confirmee/", name="registered")
    def registered_view(self, request):
        alternates = {}
        for translation in self.get_translations(inclusive=True).live().public().select_related("locale"):
            url = translation.get_url(request)
            if url:
                alternates[translation.locale.language_code] = request.build_absolute_uri(
                    url + translation.reverse_subpage("registered")
                )
        return self.render(
            request,
            template="events/registration_done.html",
            context_overrides={"language_alternates": alternates},
        )

    @path("calendrier/", name="ics")
    def ics_view(self, request):
        from .calendar import calendar_response

        return calendar_response(request, [self], self.title, filename=f"{self.slug}.ics")


class EventParticipation(models.Model):
    """Who speaks or moderates at which session, for live event pages only.

    Rebuilt from the programme whenever a page is published, unpublished or
    deleted (see `events.signals`), so a person page finds every session of that
    person with one query."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Intervenant")
        MODERATOR = "moderator", _("Modération")

    event = models.ForeignKey(
        EventPage, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="event_participations"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    session_title = models.CharField(_("séquence"), max_length=300, blank=True)
    session_anchor = models.CharField(_("ancre de la séquence"), max_length=40, blank=True)
    starts_at = models.DateTimeField(_("début"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["starts_at", "sort_order"]
        indexes = [models.Index(fields=["person", "starts_at"])]

    def __str__(self):
        return f"{self.person} — {self.session_title or self.event.title}"


def rebuild_participations(page):
    """Replace the participation rows of `page` with those of its live programme."""
    EventParticipation.objects.filter(event_id=page.pk).delete()
    if not page.live:
        return
    rows = []
    for session in page.sessions:
        for role, participants in (
            (EventParticipation.Role.MODERATOR, session.moderators),
            (EventParticipation.Role.SPEAKER, session.speakers),
        ):
            for participant in participants:
                rows.append(
                    EventParticipation(
                        event_id=page.pk,
                        person_id=participant.person.pk,
                        role=role,
                        session_title=session.title,
                        session_anchor=session.anchor,
                        starts_at=session.starts_at or page.starts_at,
                        sort_order=len(rows),
                    )
                )
    EventParticipation.objects.bulk_create(rows)


class Registration(models.Model):
    """A reader's registration for an event, through the built-in form.

    `event` is the page the reader registered on (French or English); every
    language version of an event shares its capacity, so registrations are
    counted and kept unique by `event_key`, the versions' translation key."""

    event = models.ForeignKey(
        EventPage, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="registrations"
    )
    event_key = models.UUIDField(_("clé de l'événement"), editable=False, db_index=True)
    name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consent = models.BooleanField(_("consentement au traitement des données"), default=False)
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event_key", "email"], name="unique_registration_per_event_email"),
        ]
        permissions = [("export_registration", _("Peut exporter les inscriptions"))]

    def __str__(self):
        return f"{self.name} <{self.email}>"


def retention_cutoff(days=None):
    days = settings.EVENTS_REGISTRATION_RETENTION_DAYS if days is None else days
    return timezone.now() - timedelta(days=days)


def expired_registrations(days=None):
    """Registrations for events that ended more than the retention period ago."""
    cutoff = retention_cutoff(days)
    ended = EventPage.objects.annotate(ends_or_starts_at=Coalesce("ends_at", "starts_at")).filter(
        ends_or_starts_at__lt=cutoff
    )
    return Registration.objects.filter(event__in=ended.values("pk"))
