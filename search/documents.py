"""The documents the engine indexes: one per page, one per person page, with
what readers name (organisers, venues, sources, speakers' organisations,
recommendations' audiences) and the entries (recommendations, sessions) a
result can link to."""

from collections import defaultdict
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelsearch.index import SearchField
from wagtail.models import Page, get_page_models

from editorial.models import SectionIndexPage
from editorial.related import date_shown
from home.models import HomePage
from topics.models import SnippetIndexPage

# Fields a document has apart from the body text.
OWN_FIELDS = {"title", "summary", "search_description"}
# The search field SearchConfig.ready() adds to page models for Wagtail's database
# backend (see reader_text); the engine's documents hold that text in their own fields.
READER_TEXT_FIELD = "search_reader_text"
# What documents read beyond a page's own row, fetched with the pages rather than page by page.
RELATED = ("locale", "organiser", "source_organisation")
PREFETCHED = ("page_topics",)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    text = str(value)
    # Django's strip_tags parses the whole text: a tenth of a rebuild's time, spent
    # mostly on the plain text StreamFields give for indexing.
    return (strip_tags(text) if "<" in text else text).strip()


def _organisation(organisation):
    return " ".join(filter(None, [organisation.name, organisation.acronym])) if organisation else ""


def _participants(session):
    """Who speaks in a session as readers name them: names, roles and organisations."""
    return " ".join(
        " ".join(filter(None, [p.person.name, p.role, _organisation(p.person.organisation)])) for p in session.people
    )


def page_entries(page):
    """The recommendations (with whom they are addressed to) or sessions (with
    who speaks) of `page`, each searched on its own so that a match links to its anchor."""
    if hasattr(page, "recommendation_entries"):
        return [
            {
                "anchor": e["anchor"],
                "number": str(e["number"]),
                "title": _text(e["title"]),
                # Readers name a recommendation by its number and by whom it is for.
                "text": _text([_("Recommandation %(number)s") % {"number": e["number"]}, e["text"], e["audiences"]]),
            }
            for e in page.recommendation_entries()
        ]
    if hasattr(page, "session_entries"):
        return [
            {
                "anchor": e["anchor"],
                "number": "",
                "title": _text(e["title"]),
                "text": _text([session.description, _participants(session)]),
            }
            for e, session in zip(page.session_entries(), page.sessions, strict=True)
        ]
    return []


def _named_by_readers(page):
    """What readers call a page by besides its text: an event's organiser and venue,
    a news article's source (content models keep these out of their text fields)."""
    return _text(
        [
            _organisation(getattr(page, "organiser", None)),
            getattr(page, "venue_name", ""),
            getattr(page, "city", ""),
            _organisation(getattr(page, "source_organisation", None)),
            getattr(page, "source_name", ""),
            getattr(page, "source_title", ""),
        ]
    )


def reader_text(page):
    """What the engine's document holds beyond the page's search fields (what readers
    name it by, its recommendations or sessions with who speaks), as one text for
    Wagtail's database backend, which indexes search fields only."""
    with translation.override(page.locale.language_code):
        entries = page_entries(page)
    return " ".join(filter(None, [_named_by_readers(page), *(f"{e['title']} {e['text']}" for e in entries)]))


def content_date(page):
    """The page's own date (publication, event start...); None for pages that
    have none, such as section index pages, rather than the day they were published."""
    return date_shown(page) if getattr(page, "listing_date", None) else None


@lru_cache(maxsize=1)
def listing_types():
    """Page types that list or frame content rather than being content: ranked below it."""
    return sorted(
        model._meta.label_lower
        for model in get_page_models()
        if issubclass(model, (SectionIndexPage, SnippetIndexPage)) or model is HomePage
    )


def page_document(page):
    """The document of a specific page: its text, its recommendations or sessions
    and what facets need (type, topics, year)."""
    body = []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name not in {*OWN_FIELDS, READER_TEXT_FIELD}:
            body.append(_text(field.get_value(page)))
    body.append(_named_by_readers(page))
    date = content_date(page)
    summary = getattr(page, "summary", "") or page.search_description or getattr(page, "intro", "")
    # Labels (audiences, type) in the page's language, whatever the request's.
    with translation.override(page.locale.language_code):
        entries = page_entries(page)
        type_label = str(capfirst(getattr(page, "type_label", page._meta.verbose_name)))
    return {
        "kind": "page",
        "object_id": str(page.pk),
        "type": page._meta.label_lower,
        "type_label": type_label,
        "topics": [str(link.topic_id) for link in page.page_topics.all()] if hasattr(page, "page_topics") else [],
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "title": page.title,
        "summary": _text(summary),
        "body": " ".join(part for part in body if part),
        "entries": entries,
    }


def page_documents(page_ids):
    """[(document id, document)] of the pages `page_ids`, built with a few
    queries per page type whatever their number (rebuilds send thousands)."""
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(pk)
    documents = []
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        fields = {field.name for field in model._meta.get_fields()}
        pages = list(
            model.objects.filter(pk__in=pks)
            .select_related(*(name for name in RELATED if name in fields))
            .prefetch_related(*(name for name in PREFETCHED if name in fields))
        )
        if hasattr(model, "prefetch_sessions"):
            model.prefetch_sessions(pages)
        documents.extend((page_doc_id(page.pk), page_document(page)) for page in pages)
    return documents


def person_document(person):
    with translation.override(person.locale.language_code):
        type_label = str(capfirst(person._meta.verbose_name))
    return {
        "kind": "person",
        "object_id": str(person.pk),
        "type": person._meta.label_lower,
        "type_label": type_label,
        "topics": [],
        "year": None,
        "date": None,
        "title": person.name,
        "summary": _text([person.role, _organisation(person.organisation)]),
        "body": _text(person.bio),
        "entries": [],
    }


def page_doc_id(pk):
    return f"page-{pk}"


def person_doc_id(pk):
    return f"person-{pk}"
