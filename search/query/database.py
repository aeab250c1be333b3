"""The search on Wagtail's database backend: without an engine, or when it fails."""

import logging
import re
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects
from modelsearch.query import Fuzzy, Or, PlainText
from wagtail.models import Page

from editorial.models import PageTopic
from editorial.search_text import content_date
from serving.sitewide import locale_for, sitewide

from ..documents import listing_types
from ..indexing import visible_pages
from ..vocabulary import synonym_groups
from .entries import matched_entries, sought_words, words_named
from .people import matching_people
from .results import SearchResults, facets, page_hit, person_hit
from .value import PER_PAGE

logger = logging.getLogger(__name__)

# Results fetched from the database backend, within which it filters and counts.
DATABASE_RESULT_LIMIT = 300
# Spellings of one query searched at most (a query of many synonyms grows fast).
MAX_VARIANTS = 20


def with_synonyms(text, language):
    """`text`, then `text` with each synonym of a term it holds in place
    of that term ("IA à l'école" also as "intelligence artificielle à l'école")."""
    variants = [text]
    for terms in sitewide("synonyms", lambda: synonym_groups(language), language):
        for term in terms:
            pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
            if pattern.search(text):
                variants += [pattern.sub(other, text) for other in terms if other.lower() != term.lower()]
    return list(dict.fromkeys(variants))[:MAX_VARIANTS]


def _found(candidates, text, variants):
    """Pages with every word (or a synonym of it); else, on PostgreSQL, the
    closest spellings whatever the accents (typos, a word the index lacks next
    to words it has); else the pages with most of the words."""
    attempts = [lambda: candidates.search(Or([PlainText(variant, operator="and") for variant in variants]))]
    if connection.vendor == "postgresql":
        # modelsearch's trigram search (extensions set up by search's migration 0004),
        # which scores a word in the body as high as in the title: titles naming
        # the words go first.
        sought = sought_words(text)
        attempts.append(
            lambda: sorted(
                candidates.search(Fuzzy(text, unaccent=True))[:DATABASE_RESULT_LIMIT],
                key=lambda page: -words_named(sought, page.title),
            )
        )
    attempts.append(lambda: candidates.search(Or([PlainText(variant, operator="or") for variant in variants])))
    for attempt in attempts:
        found = list(attempt()[:DATABASE_RESULT_LIMIT])
        if found:
            return found
    return []


def _visible_specific(found, allowed):
    """{id: specific page} of the `allowed` pages among `found`: a query per page
    type, which the search gave with each page (no query to learn it)."""
    ids_by_type = defaultdict(list)
    for page in found:
        ids_by_type[page.content_type_id].append(page.pk)
    specific = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        # Readers look for content, not for the listings of it (nor as a facet).
        if model is not None and model._meta.label_lower not in listing_types():
            pages = model.objects.filter(pk__in=ids).filter(pk__in=allowed.values("pk")).select_related("locale")
            specific.update((page.pk, page) for page in pages)
    return specific


def _matches(text, language, exclude_page_ids=()):
    """Pages and people matching `text`, best first: people named by it, pages, other people."""
    # Search backends only filter on indexed fields (live, locale): privacy and
    # the other rules of visible_pages() are applied to what they found.
    candidates = Page.objects.live().filter(locale_id=locale_for(language).pk)
    try:
        found = _found(candidates, text, with_synonyms(text, language))
        specific = _visible_specific(found, visible_pages(language).exclude(pk__in=list(exclude_page_ids)))
        # With the topics: the facets' labels come with them.
        prefetch_related_objects(
            list(specific.values()), Prefetch("page_topics", queryset=PageTopic.objects.select_related("topic"))
        )
        pages = [specific[p.pk] for p in found if p.pk in specific]
        people_first, people_after = matching_people(text, language)
    except Exception:
        # The database backends reject some inputs (for instance unbalanced quotes
        # on SQLite's full-text engine): no match rather than an error page.
        logger.info("Database search rejected %r", text, exc_info=True)
        return []
    return people_first + pages + people_after


def _facet_values(obj):
    """{"type"|"topic"|"year": [values]} of a page or person."""
    if not isinstance(obj, Page):
        return {"type": [obj._meta.label_lower], "topic": [], "year": []}
    shown = content_date(obj)
    return {
        "type": [obj._meta.label_lower],
        "topic": [str(link.topic_id) for link in obj.page_topics.all()],
        "year": [str(shown.year)] if shown else [],
    }


def _newest_first(obj):
    """Sort key: dated pages newest first, then the undated (people, some pages) in relevance order."""
    shown = content_date(obj) if isinstance(obj, Page) else None
    return (shown is None, -shown.toordinal() if shown else 0)


def database_search(query, exclude_page_ids=()):
    chosen = query.filters.as_dict()
    selected = []
    counts = {"type": Counter(), "topic": Counter(), "year": Counter()}
    topic_names = {}
    for obj in _matches(query.text, query.language, exclude_page_ids):
        if isinstance(obj, Page):
            topic_names.update((link.topic_id, link.topic.name) for link in obj.page_topics.all())
        values = _facet_values(obj)
        if all(value in values[name] for name, value in chosen.items()):
            selected.append(obj)
            for name, counter in counts.items():
                counter.update(values[name])
    if query.by_date:
        selected.sort(key=_newest_first)
    buckets = {name: counter.most_common() for name, counter in counts.items()}
    buckets["year"] = sorted(counts["year"].items(), reverse=True)
    last = max(1, -(-len(selected) // PER_PAGE))
    page = min(query.page, last)
    window = selected[(page - 1) * PER_PAGE : page * PER_PAGE]
    other_count = 0
    if not selected and query.other_language != query.language:
        other_count = len(_matches(query.text, query.other_language))
    entries = matched_entries(
        [obj for obj in window if isinstance(obj, Page)], with_synonyms(query.text, query.language), query.language
    )
    return SearchResults(
        hits=[page_hit(obj, entry=entries.get(obj.pk)) if isinstance(obj, Page) else person_hit(obj) for obj in window],
        total=len(selected),
        page=page,
        facets=facets(query.language, query.filters, buckets, topic_names),
        other_language_count=other_count,
    )
