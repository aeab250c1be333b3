"""The programme of an event read as sessions with their people, and the table
of who speaks where that person pages read."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person

from ..blocks import SessionKind
from ..schedule import paris


def list_items(raw_list):
    """The item values of a ListBlock's stored data (items are `{"type", "value", "id"}` dicts)."""
    return [
        item["value"] if isinstance(item, dict) and "value" in item and "id" in item else item
        for item in raw_list or []
    ]


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


def _programme_values(page):
    """(stored block, its value with plain moderator and speaker lists) of each session."""
    return [
        (
            raw,
            {
                **raw["value"],
                "moderators": list_items(raw["value"].get("moderators")),
                "speakers": list_items(raw["value"].get("speakers")),
            },
        )
        for raw in page.programme.raw_data
        if raw["type"] == "session"
    ]


def programme_person_ids(page):
    """The ids of everyone in the programme of `page`."""
    return {
        item.get("person")
        for _raw, value in _programme_values(page)
        for name in ("moderators", "speakers")
        for item in value[name]
    } - {None}


# What the programme, its JSON-LD and search documents read of people and their
# organisations; their biographies and the rest stay in the database.
PROGRAMME_PERSON_FIELDS = (
    "name",
    "slug",
    "role",
    "locale",
    "is_staff_member",
    "organisation__name",
    "organisation__acronym",
)


def people_in_bulk(ids):
    people = Person.objects.select_related("organisation").only(*PROGRAMME_PERSON_FIELDS).filter(pk__in=ids)
    return {person.pk: person for person in people.order_by()}


def build_sessions(page, people=None):
    """The programme of `page` as `Session`s, in editor order, with their people.

    Built from the stored data with a single query for everyone in it (and
    their organisations), so the page costs the same whatever the programme;
    none when `people` ({pk: Person}, with their organisations) is given."""
    session_block = page.programme.stream_block.child_blocks["session"]
    values = _programme_values(page)
    if people is None:
        people = people_in_bulk(programme_person_ids(page))

    def participants(items):
        return [
            Participant(people[item["person"]], item.get("role") or "")
            for item in items
            if item.get("person") in people
        ]

    sessions = []
    for position, (raw, value) in enumerate(values):
        day = session_block.child_blocks["day"].to_python(value.get("day")) or page.local_start.date()
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


class EventParticipation(models.Model):
    """Who speaks or moderates at which session, for live event pages only.

    Rebuilt from the programme whenever a page is published, unpublished or
    deleted (see `events.signals`), so a person page finds every session of that
    person with one query."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Intervenant")
        MODERATOR = "moderator", _("Modération")

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("événement"), on_delete=models.CASCADE, related_name="participations"
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
