"""A bilingual corpus for the benchmarks: the demo's pages copied until the site
holds the number of pages asked for, half French, half their English
translations, with more topics and people than the demo has.

Copies keep the demo pages' full shape (StreamField bodies, recommendations,
programmes with speakers, authors, topics, pinned items), so the figures are
those of real pages, not of empty ones. Each copy gets its own title, slug,
date, topics and authors; its English copy shares its translation key, as a
wagtail-localize translation does. Building is resumable: generated pages have
slugs starting with `bench-`, and a second run only adds what is missing."""

import copy
import datetime
import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.models.copying import _copy
from wagtail.signal_handlers import disable_reference_index_auto_update

from editorial.models import PageTopic, copy_page_dates
from events.models import EventIndexPage, EventPage, EventParticipation
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsArticlePage, NewsIndexPage
from people.models import Person
from reports.models import ReportAuthor, ReportIndexPage, ReportPage
from topics.models import Topic

SLUG_PREFIX = "bench-"
BATCH = 500

# Share of each page type among a language's generated pages, in the proportions
# of a think-tank's archive: mostly news, then events and reports.
MIX = [(NewsArticlePage, 0.55), (EventPage, 0.23), (ReportPage, 0.17), (InitiativePage, 0.05)]
PARENTS = {
    NewsArticlePage: NewsIndexPage,
    EventPage: EventIndexPage,
    ReportPage: ReportIndexPage,
    InitiativePage: InitiativeIndexPage,
}
TOPICS = 40
PEOPLE = 400

WORDS = {
    "fr": [
        "numérique",
        "intelligence",
        "artificielle",
        "littératie",
        "souveraineté",
        "données",
        "algorithme",
        "école",
        "collectivité",
        "régulation",
        "éthique",
        "plateforme",
        "réseau",
        "citoyen",
        "inclusion",
        "médiation",
        "cybersécurité",
        "santé",
        "climat",
        "énergie",
        "travail",
        "formation",
        "recherche",
        "innovation",
        "entreprise",
        "transparence",
        "confiance",
        "démocratie",
        "Europe",
        "territoire",
        "service",
        "public",
        "accessibilité",
        "jeunesse",
        "modèle",
        "infrastructure",
        "sobriété",
        "environnement",
        "règlement",
    ],
    "en": [
        "digital",
        "artificial",
        "intelligence",
        "literacy",
        "sovereignty",
        "data",
        "algorithm",
        "school",
        "local",
        "government",
        "regulation",
        "ethics",
        "platform",
        "network",
        "citizen",
        "inclusion",
        "mediation",
        "cybersecurity",
        "health",
        "climate",
        "energy",
        "work",
        "training",
        "research",
        "innovation",
        "company",
        "transparency",
        "trust",
        "democracy",
        "Europe",
        "region",
        "public",
        "service",
        "accessibility",
        "youth",
        "model",
        "infrastructure",
        "sufficiency",
        "environment",
        "rule",
    ],
}


@dataclass
class CorpusReport:
    pages: int
    added: int
    seconds: float


def bench_pages():
    return Page.objects.filter(slug__startswith=SLUG_PREFIX)


def words(rng, language, count):
    return " ".join(rng.choice(WORDS[language]) for _ in range(count))


def snippet_pairs(model, wanted, make_fields, french, english):
    """`wanted` (French, English) pairs of `model` snippets, the demo's first,
    then generated ones (slug `bench-N`) with their English translations."""
    pairs = []
    for source in model.objects.filter(locale=french).order_by("pk"):
        translation = source.get_translation_or_none(english)
        if translation is not None:
            pairs.append((source, translation))
    number = 0
    while len(pairs) < wanted:
        number += 1
        slug = f"{SLUG_PREFIX}{number}"
        source = model.objects.filter(locale=french, slug=slug).first()
        if source is None:
            source = model.objects.create(locale=french, slug=slug, **make_fields("fr", number))
        translation = source.get_translation_or_none(english)
        if translation is None:
            translation = source.copy_for_translation(english)
            for field, value in make_fields("en", number).items():
                setattr(translation, field, value)
            translation.save()
        pairs.append((source, translation))
    return pairs


def topic_fields(language, number):
    return {"name": f"{words(random.Random(number), language, 2).capitalize()} {number}"}


def person_fields(language, number):
    rng = random.Random(number)
    first = rng.choice(["Camille", "Dominique", "Claude", "Sacha", "Alix", "Maxime", "Noa", "Lou"])
    last = rng.choice(["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fournier"])
    role = {"fr": "chercheuse associée", "en": "associate researcher"}[language]
    return {"name": f"{first} {last} {number}", "role": role}


class CorpusBuilder:
    def __init__(self, seed=7):
        self.seed = seed
        self.french = Locale.objects.get(language_code="fr")
        self.english = Locale.objects.get(language_code="en")
        self.topics = snippet_pairs(Topic, TOPICS, topic_fields, self.french, self.english)
        self.people = snippet_pairs(Person, PEOPLE, person_fields, self.french, self.english)
        self.parents = {}
        self.templates = {}
        for model, parent_model in PARENTS.items():
            parent = parent_model.objects.get(locale=self.french)
            self.parents[model] = (parent, parent.get_translation(self.english))
            sources = model.objects.live().filter(locale=self.french).exclude(slug__startswith=SLUG_PREFIX)
            self.templates[model] = [
                (in_memory(source), in_memory(source.get_translation(self.english)))
                for source in sources.order_by("pk")
            ]
        # {parent page id: the tree step of its last child}, as pages are added.
        self.last_steps = {}

    def plan(self, per_language):
        """The page type of each generated page number, in a stable order."""
        kinds = []
        for model, share in MIX:
            kinds += [model] * round(per_language * share)
        return (kinds + [NewsArticlePage] * per_language)[:per_language]

    def add(self, number, model):
        """The French copy number `number` and its English translation, unsaved:
        [(page, parent, inline rows)]."""
        rng = random.Random(self.seed * 100_003 + number)
        source_fr, source_en = self.templates[model][number % len(self.templates[model])]
        parent_fr, parent_en = self.parents[model]
        topic_picks = rng.sample(range(len(self.topics)), k=rng.randint(1, 4))
        person_picks = rng.sample(range(len(self.people)), k=rng.randint(1, 3))
        day = datetime.date(2012, 1, 1) + datetime.timedelta(days=rng.randint(0, 15 * 365))
        title_words = rng.randint(2, 5)
        now = timezone.now()
        copies = []
        for side, (source, parent) in enumerate(((source_fr, parent_fr), (source_en, parent_en))):
            title = f"{source.title} — {words(random.Random(number), ('fr', 'en')[side], title_words)}"
            attrs = {
                "title": title,
                "draft_title": title,
                "slug": f"{SLUG_PREFIX}{number}",
                "translation_key": copies[0][0].translation_key if copies else uuid.uuid4(),
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": now,
                "last_published_at": now,
                "latest_revision": None,
                "live_revision": None,
                "alias_of": None,
                **dated(source, day),
            }
            copies.append(self.copy(source, parent, attrs, self.reassign(side, topic_picks, person_picks)))
        return copies

    def copy(self, source, parent, attrs, process_child):
        """An unsaved live copy of `source` for `parent`, with its inline rows:
        without revisions or log entries (Wagtail's own `Page.copy` makes those and
        runs every publishing signal), and without a query (modelcluster's copy
        reads the source's rows and opens a savepoint per relation)."""
        exclude = [*source.default_exclude_fields_in_copy, *source.exclude_fields_in_copy, *source.held_rows]
        page, _child_objects = _copy(source, exclude_fields=exclude, update_attrs=attrs)
        rows = []
        for accessor, held in source.held_rows.items():
            parental_key = source._meta.get_field(accessor).field.name
            for row in map(copy.copy, held):
                row.pk = None
                row._state.adding = True
                setattr(row, parental_key, page)
                if isinstance(row, TranslatableMixin):
                    row.translation_key = uuid.uuid4()
                if process_child(row):
                    rows.append(row)
        page.copied_from = source
        return page, parent, rows

    def insert(self, copies):
        """Save `copies` ([(page, parent, inline rows)]) with a few queries per
        page type and parent, whatever their number: their places in the tree are
        numbered here, after the parent's last child, as treebeard's add_child
        would, one page at a time, with four queries each."""
        by_parent = defaultdict(list)
        for page, parent, _rows in copies:
            by_parent[parent.pk].append(page)
        for parent_pk, pages in by_parent.items():
            parent = next(parent for _page, parent, _rows in copies if parent.pk == parent_pk)
            if parent_pk not in self.last_steps:
                last = parent.get_last_child()
                self.last_steps[parent_pk] = Page._str2int(last.path[-Page.steplen :]) if last else 0
            for page in pages:
                self.last_steps[parent_pk] += 1
                page.depth = parent.depth + 1
                page.path = Page._get_path(parent.path, page.depth, self.last_steps[parent_pk])
                page.numchild = 0
                page.set_url_path(parent)
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + len(pages))
        by_model = defaultdict(list)
        for page, _parent, _rows in copies:
            by_model[type(page)].append(page)
        for model, pages in by_model.items():
            # Django's bulk_create refuses multi-table models: the Page rows first
            # (which gives the ids), then the page type's own rows.
            Page.objects.bulk_create(pages)
            for page in pages:
                setattr(page, model._meta.pk.attname, page.id)
            model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, using=DEFAULT_DB_ALIAS)
        rows_by_model = defaultdict(list)
        for _page, _parent, rows in copies:
            for row in rows:
                rows_by_model[type(row)].append(row)
        for model, rows in rows_by_model.items():
            model.objects.bulk_create(rows)
        # What `EditorialPage.save` keeps on each topic row: the copy's own date.
        copy_page_dates(PageTopic.objects.filter(page_id__in=[page.pk for page, _parent, _rows in copies]))
        EventParticipation.objects.bulk_create(
            participation for page, _parent, _rows in copies for participation in moved_participations(page)
        )

    def reassign(self, side, topic_picks, person_picks):
        """Give the copy's topic and author rows the copy's own topics and authors;
        False for a row beyond the picks (a topic or author once per page)."""
        topic_rows = iter(topic_picks)
        person_rows = iter(person_picks)

        def process(child):
            if isinstance(child, PageTopic):
                pick = next(topic_rows, None)
                if pick is not None:
                    child.topic = self.topics[pick][side]
            elif isinstance(child, ReportAuthor):
                pick = next(person_rows, None)
                if pick is not None:
                    child.person = self.people[pick][side]
            else:
                return True
            return pick is not None

        return process


def in_memory(page):
    """`page` with its inline rows and its participation rows read once, for
    `copy` to copy in memory."""
    exclude = {*page.default_exclude_fields_in_copy, *page.exclude_fields_in_copy}
    page.held_rows = {
        relation.get_accessor_name(): list(getattr(page, relation.get_accessor_name()).all())
        for relation in get_all_child_relations(page)
        if relation.get_accessor_name() not in exclude
    }
    page.held_participations = list(EventParticipation.objects.filter(event_id=page.pk))
    return page


def moved_participations(page):
    """The participation rows of a saved event copy: its source's, moved with the
    event (what `rebuild_participations` gives, without reading the programme's
    people one by one)."""
    source = page.copied_from
    moved = []
    for row in map(copy.copy, source.held_participations):
        row.pk = None
        row._state.adding = True
        row.event_id = page.pk
        row.starts_at = row.starts_at + (page.starts_at - source.starts_at) if row.starts_at else None
        moved.append(row)
    return moved


def dated(source, day):
    """The date fields of a copy of `source`, moved to `day`."""
    if isinstance(source, ReportPage):
        return {"publication_date": day}
    if isinstance(source, NewsArticlePage):
        return {"date": day}
    if isinstance(source, EventPage):
        shift = day - timezone.localtime(source.starts_at).date()
        moved = {"starts_at": source.starts_at + shift}
        for field in ("ends_at", "registration_closes_at"):
            if getattr(source, field):
                moved[field] = getattr(source, field) + shift
        return moved
    return {}


def build_corpus(pages, stdout, seed=7):
    """Make the site hold `pages` generated pages (half French, half English).

    Loads the demo first when the site lacks its sections. Search indexes are not updated
    page by page (a benchmark rebuilds them in bulk afterwards)."""
    started = time.perf_counter()
    if not all(index.objects.exists() for index in PARENTS.values()):
        call_command("load_demo", stdout=stdout)
    per_language = pages // 2
    database_index_only = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
    # The admin's reference index (what uses an image or a snippet) is left out:
    # it would double the build time and no reader's page reads it. Nor are the
    # queries logged (under DEBUG, writing each one out again costs as much as sending it).
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=database_index_only, DEBUG=False),
        disable_reference_index_auto_update(),
    ):
        builder = CorpusBuilder(seed)
        kinds = builder.plan(per_language)
        existing = set(bench_pages().filter(locale=builder.french).values_list("slug", flat=True))
        missing = [number for number in range(per_language) if f"{SLUG_PREFIX}{number}" not in existing]
        for start in range(0, len(missing), BATCH):
            with transaction.atomic():
                builder.insert(
                    [copy for number in missing[start : start + BATCH] for copy in builder.add(number, kinds[number])]
                )
            stdout.write(
                f"  corpus: {per_language - len(missing) + start + len(missing[start : start + BATCH])}"
                f"/{per_language} French pages, each with its English translation"
            )
    return CorpusReport(pages=bench_pages().count(), added=2 * len(missing), seconds=time.perf_counter() - started)
