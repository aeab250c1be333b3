"""Running a reader's search: on the engine when there is one, on Wagtail's
database backend otherwise or when the engine fails (the page then says so).
Both give the same `Outcome`, so the page and the JSON API do not care which
answered."""

import logging
import re
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backend
from modelsearch.utils import normalise_query_string
from wagtail.models import Locale, Page

from .indexing import date_of, get_engine, languages, people_with_page, visible_pages

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 1000
PER_PAGE = 10
# Results fetched from the database backend, within which it filters and counts.
DATABASE_RESULT_LIMIT = 300
# The engine cannot page past this many results.
MAX_RESULT_WINDOW = 10_000
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}


def clean_query(raw):
    """What we search for: whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH].strip()


@dataclass
class Filters:
    type: str = ""
    topic: str = ""
    year: str = ""

    @classmethod
    def from_params(cls, params):
        """Keeps the values that can be valid; anything else is ignored, never an error."""
        kind = params.get("type", "")
        if not re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_]+", kind) or not _model(kind):
            kind = ""
        topic = params.get("topic", "")
        topic = topic if topic.isdigit() and len(topic) < 12 else ""
        year = params.get("year", "")
        year = year if re.fullmatch(r"(19|20)\d\d", year) else ""
        return cls(kind, topic, year)

    def as_dict(self):
        return {key: value for key, value in vars(self).items() if value}


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


@dataclass
class Hit:
    title: str
    url: str
    type_key: str
    type_label: str
    date: date | None
    excerpt: str
    entry: dict | None = None
    page_id: int | None = None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Outcome:
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)
    by_engine: bool = False
    degraded: bool = False
    spelling: str = ""
    other_language_count: int = 0


def other_language(language):
    return next((code for code in languages() if code != language), language)


def search(request, query, language, filters, page=1, per_page=PER_PAGE, exclude_page_ids=()):
    engine = get_engine()
    if engine is not None:
        try:
            return _engine_search(engine, request, query, language, filters, page, per_page, exclude_page_ids)
        except Exception:
            logger.warning("Search engine unavailable, answering from the database", exc_info=True)
            outcome = _database_search(request, query, language, filters, page, per_page, exclude_page_ids)
            outcome.degraded = True
            return outcome
    return _database_search(request, query, language, filters, page, per_page, exclude_page_ids)


# Engine ------------------------------------------------------------------------------


def text_query(query):
    """Every word (or a synonym of it) in the page's text, or in one recommendation or session."""
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title", "summary", "body"],
                        "type": "cross_fields",
                        "operator": "and",
                    }
                },
                {
                    "nested": {
                        "path": "entries",
                        "score_mode": "max",
                        "query": {
                            "multi_match": {
                                "query": query,
                                "fields": ["entries.title^2", "entries.text"],
                                "type": "cross_fields",
                                "operator": "and",
                            }
                        },
                        "inner_hits": {
                            "size": 1,
                            "_source": ["entries.anchor", "entries.number", "entries.title"],
                            "highlight": {
                                **HIGHLIGHT,
                                "fields": {"entries.text": {"fragment_size": 180, "number_of_fragments": 1}},
                            },
                        },
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def _filter_clauses(filters):
    clauses = []
    if filters.type:
        clauses.append({"term": {"type": filters.type}})
    if filters.topic:
        clauses.append({"term": {"topics": filters.topic}})
    if filters.year:
        clauses.append({"term": {"year": int(filters.year)}})
    return clauses


def engine_body(query, filters, start, size, exclude_page_ids=()):
    return {
        "query": {
            "bool": {
                "must": [text_query(query)],
                "should": [
                    {"match": {"title": {"query": query, "boost": 3}}},
                    {"match_phrase": {"title": {"query": query, "boost": 3}}},
                    {"match": {"summary": {"query": query, "boost": 1.5}}},
                ],
                "filter": _filter_clauses(filters),
                "must_not": [{"ids": {"values": [f"page-{pk}" for pk in exclude_page_ids]}}],
            }
        },
        "from": start,
        "size": size,
        "_source": ["kind", "object_id", "type", "type_label", "date", "summary"],
        "highlight": {
            **HIGHLIGHT,
            "require_field_match": False,
            "fields": {
                "summary": {"fragment_size": 220, "number_of_fragments": 1},
                "body": {"fragment_size": 220, "number_of_fragments": 1},
            },
        },
        "aggs": {
            "type": {"terms": {"field": "type", "size": 20}},
            "topic": {"terms": {"field": "topics", "size": 50}},
            "year": {"terms": {"field": "year", "size": 50, "order": {"_key": "desc"}}},
        },
        "track_total_hits": True,
    }


def spelling_body(query):
    """ "Did you mean": asked only when nothing was found."""
    return {
        "size": 0,
        "suggest": {
            "text": query[:200],
            "spelling": {
                "phrase": {
                    "field": "spelling",
                    "size": 1,
                    "direct_generator": [{"field": "spelling", "suggest_mode": "popular"}],
                }
            },
        },
    }


def _engine_search(engine, request, query, language, filters, page, per_page, exclude_page_ids):
    start = min((page - 1) * per_page, MAX_RESULT_WINDOW - per_page)
    response = engine.search_raw(language, engine_body(query, filters, start, per_page, exclude_page_ids))
    raw_hits = response["hits"]["hits"]
    total = response["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else total
    outcome = Outcome(total=total, by_engine=True)
    outcome.hits = _hydrate(request, language, raw_hits)
    aggs = response.get("aggregations", {})
    outcome.facets = _facets(
        language,
        filters,
        {
            name: [(str(b["key"]), b["doc_count"]) for b in aggs.get(name, {}).get("buckets", [])]
            for name in ("type", "topic", "year")
        },
    )
    if total == 0:
        suggested = engine.search_raw(language, spelling_body(query))
        options = suggested.get("suggest", {}).get("spelling", [{}])[0].get("options", [])
        if options and options[0]["text"] != query.lower():
            outcome.spelling = options[0]["text"]
        other = other_language(language)
        if other != language and engine.index_exists(other):
            outcome.other_language_count = engine.count_raw(other, text_query(query))
    return outcome


def _hydrate(request, language, raw_hits):
    """Hits as readers see them, for what the database still shows them: a page
    unpublished a moment ago is left out even if the index lags. Type, date and
    summary come from the index, so one query checks every page of a hit list."""
    page_ids = [int(h["_source"]["object_id"]) for h in raw_hits if h["_source"]["kind"] == "page"]
    person_ids = [int(h["_source"]["object_id"]) for h in raw_hits if h["_source"]["kind"] == "person"]
    pages = {}
    if page_ids:
        pages = {page.pk: page for page in visible_pages(language).filter(pk__in=page_ids).select_related("locale")}
    people = (
        {person.pk: person for person in people_with_page(language).filter(pk__in=person_ids)} if person_ids else {}
    )
    hits = []
    for raw in raw_hits:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = highlight.get("body") or highlight.get("summary")
        excerpt = mark_safe(fragments[0]) if fragments else escape(Truncator(source.get("summary", "")).chars(220))
        pk = int(source["object_id"])
        if source["kind"] == "page" and pk in pages:
            url = pages[pk].get_url(request) or ""
            hits.append(
                Hit(
                    title=pages[pk].title,
                    url=url,
                    type_key=source["type"],
                    type_label=source.get("type_label", ""),
                    date=date.fromisoformat(source["date"]) if source.get("date") else None,
                    excerpt=excerpt,
                    entry=_entry(raw, url),
                    page_id=pk,
                )
            )
        elif source["kind"] == "person" and pk in people:
            hits.append(_person_hit(request, people[pk], fragments[0] if fragments else ""))
    return hits


def _entry(raw, page_url):
    inner = raw.get("inner_hits", {}).get("entries", {}).get("hits", {}).get("hits", [])
    if not inner:
        return None
    source = inner[0]["_source"]
    fragments = inner[0].get("highlight", {}).get("entries.text", [])
    label = _("Recommandation %(number)s") % {"number": source["number"]} if source.get("number") else _("Session")
    return {
        "label": label,
        "title": source.get("title", ""),
        "url": f"{page_url}#{source['anchor']}",
        "excerpt": mark_safe(fragments[0]) if fragments else "",
    }


def _summary_of(page):
    return getattr(page, "summary", "") or page.search_description or getattr(page, "intro", "") or ""


def _page_hit(request, page, excerpt=""):
    return Hit(
        title=page.title,
        url=page.get_url(request) or "",
        type_key=page._meta.label_lower,
        type_label=str(capfirst(getattr(page, "type_label", page._meta.verbose_name))),
        date=date_of(page),
        excerpt=mark_safe(excerpt) if excerpt else escape(Truncator(_summary_of(page)).chars(220)),
        page_id=page.pk,
    )


def _person_hit(request, person, excerpt=""):
    from people.models import PeopleIndexPage

    text = " — ".join(filter(None, [person.role, str(person.organisation or "")]))
    return Hit(
        title=person.name,
        url=PeopleIndexPage.snippet_url(person, request),
        type_key=person._meta.label_lower,
        type_label=str(capfirst(person._meta.verbose_name)),
        date=None,
        excerpt=mark_safe(excerpt) if excerpt else escape(text),
    )


def _facets(language, filters, buckets):
    """{"type"|"topic"|"year": [FacetValue]} with readers' labels; values the
    database no longer knows are dropped."""
    from topics.models import Topic

    facets = {}
    types = []
    for key, count in buckets.get("type", []):
        model = _model(key)
        if model is not None:
            types.append(FacetValue(key, str(capfirst(model._meta.verbose_name_plural)), count, key == filters.type))
    facets["type"] = types
    topic_ids = [int(key) for key, _count in buckets.get("topic", []) if key.isdigit()]
    names = dict(Topic.objects.filter(pk__in=topic_ids, locale__language_code=language).values_list("pk", "name"))
    facets["topic"] = [
        FacetValue(key, names[int(key)], count, key == filters.topic)
        for key, count in buckets.get("topic", [])
        if key.isdigit() and int(key) in names
    ]
    facets["year"] = [FacetValue(key, key, count, key == filters.year) for key, count in buckets.get("year", [])]
    return facets


# Database backend ------------------------------------------------------------------


def _database_matches(query, language, exclude_page_ids=()):
    """Specific pages then people matching `query`, best first."""
    # Search backends only filter on indexed fields (live, locale): privacy and
    # the other rules of visible_pages() are applied to what they found.
    candidates = Page.objects.live().filter(locale_id=Locale.objects.get(language_code=language).pk)
    try:
        found = list(candidates.search(query, operator="and")[:DATABASE_RESULT_LIMIT])
        if not found:
            found = list(candidates.search(query)[:DATABASE_RESULT_LIMIT])
        allowed = visible_pages(language).exclude(pk__in=list(exclude_page_ids))
        specific = {
            page.pk: page
            for page in allowed.filter(pk__in=[p.pk for p in found]).specific().prefetch_related("page_topics")
        }
        pages = [specific[p.pk] for p in found if p.pk in specific]
        people = list(get_search_backend("default").search(query, people_with_page(language))[:50])
    except Exception:
        # The database backends reject some inputs (for instance unbalanced quotes
        # on SQLite's full-text engine): no match rather than an error page.
        logger.info("Database search rejected %r", query, exc_info=True)
        return []
    return pages + people


def _year_of(obj):
    value = date_of(obj) if isinstance(obj, Page) else None
    return str(value.year) if value else ""


def _database_search(request, query, language, filters, page, per_page, exclude_page_ids):
    matches = _database_matches(query, language, exclude_page_ids)

    def keep(obj, ignore=""):
        if ignore != "type" and filters.type and obj._meta.label_lower != filters.type:
            return False
        if ignore != "topic" and filters.topic:
            topic_ids = {str(link.topic_id) for link in obj.page_topics.all()} if isinstance(obj, Page) else set()
            if filters.topic not in topic_ids:
                return False
        return not (ignore != "year" and filters.year and _year_of(obj) != filters.year)

    selected = [obj for obj in matches if keep(obj)]
    counts = {"type": {}, "topic": {}, "year": {}}
    for obj in selected:
        counts["type"][obj._meta.label_lower] = counts["type"].get(obj._meta.label_lower, 0) + 1
        if isinstance(obj, Page):
            for link in obj.page_topics.all():
                counts["topic"][str(link.topic_id)] = counts["topic"].get(str(link.topic_id), 0) + 1
        if _year_of(obj):
            counts["year"][_year_of(obj)] = counts["year"].get(_year_of(obj), 0) + 1
    buckets = {name: sorted(values.items(), key=lambda item: -item[1]) for name, values in counts.items()}
    buckets["year"] = sorted(counts["year"].items(), reverse=True)
    start = (page - 1) * per_page
    window = selected[start : start + per_page]
    hits = [_page_hit(request, obj) if isinstance(obj, Page) else _person_hit(request, obj) for obj in window]
    outcome = Outcome(hits=hits, total=len(selected), facets=_facets(language, filters, buckets))
    if not selected:
        other = other_language(language)
        if other != language:
            outcome.other_language_count = len(_database_matches(query, other))
    return outcome


# Autocomplete and promotions ------------------------------------------------------------


def suggestions(request, query, language, limit=8):
    """Titles starting like what the reader is typing: [{"title", "url"}]."""
    engine = get_engine()
    if engine is not None:
        try:
            response = engine.search_raw(
                language,
                {
                    "query": {"match": {"suggest": {"query": query, "operator": "and"}}},
                    "size": limit,
                    "_source": ["kind", "object_id", "type", "type_label", "date", "summary"],
                },
            )
            return [
                {"title": hit.title, "url": hit.url, "type": hit.type_label}
                for hit in _hydrate(request, language, response["hits"]["hits"])
            ]
        except Exception:
            logger.warning("Search engine unavailable for suggestions", exc_info=True)
    words = query.split()
    if not words:
        return []
    condition = Q()
    for word in words[:5]:
        condition &= Q(title__icontains=word)
    pages = visible_pages(language).filter(condition).specific().order_by("title")[:limit]
    return [
        {
            "title": page.title,
            "url": page.get_url(request) or "",
            "type": str(capfirst(getattr(page, "type_label", page._meta.verbose_name))),
        }
        for page in pages
    ]


def promotions(request, query, language):
    """Editors' picks for this query in this language: [Hit], pages first checked
    to be visible to readers of `language`."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).order_by("sort_order")
    picks = list(picks)
    if not picks:
        return []
    visible = set(
        visible_pages(language).filter(pk__in=[p.page_id for p in picks if p.page_id]).values_list("pk", flat=True)
    )
    specific = {page.pk: page for page in Page.objects.filter(pk__in=visible).specific()} if visible else {}
    hits = []
    for pick in picks:
        if pick.page_id:
            if pick.page_id in specific:
                hit = _page_hit(request, specific[pick.page_id])
                if pick.description:
                    hit.excerpt = escape(pick.description)
                hits.append(hit)
        elif pick.external_link_url:
            hits.append(
                Hit(
                    title=pick.external_link_text or pick.external_link_url,
                    url=pick.external_link_url,
                    type_key="external",
                    type_label=_("Lien externe"),
                    date=None,
                    excerpt=escape(pick.description),
                )
            )
    return hits
