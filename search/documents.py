"""The documents the engine indexes: one per page, one per person page, with
what readers name (organisers, venues, sources, speakers' organisations,
recommendations' audiences) and the entries (recommendations, sessions) a
result can link to."""

from collections import defaultdict
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.text import capfirst
from modelsearch.index import SearchField
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from editorial.content_types import search_extras
from editorial.models import SectionIndexPage
from editorial.search_text import (
    content_date,
    date_words,
    named_by_readers,
    organisation_names,
    page_entries,
    plain_text,
)
from home.models import HomePage
from topics.models import SnippetIndexPage

# Fields a document has apart from the body text.
OWN_FIELDS = {"title", "summary", "search_description"}
# The search field of content pages for Wagtail's database backend
# (editorial.search_text.reader_text); the engine's documents hold that text in their own fields.
READER_TEXT_FIELD = "search_reader_text"
# What documents read beyond a page's own row, fetched with the pages rather than page by page;
# each content type adds its own (editorial.content_types.SearchExtras).
RELATED = ("locale",)
PREFETCHED = ("page_topics",)


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
            body.append(plain_text(searchable_value(page, field)))
    body.append(named_by_readers(page))
    body.append(date_words(page))
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
        # Sorted: a facet's values have no order, and the rows come in the order the plan reads them.
        "topics": sorted({str(link.topic_id) for link in page.page_topics.all()})
        if hasattr(page, "page_topics")
        else [],
        "year": date.year if date else None,
        "date": date.isoformat() if date else None,
        "title": page.title,
        "summary": plain_text(summary),
        "body": " ".join(part for part in body if part),
        "entries": entries,
        "entry_titles": [entry["title"] for entry in entries],
    }


def searchable_value(page, field):
    """What the search field `field` of `page` holds, a StreamField's text read
    from its raw data: building its blocks' values would read each image of a
    body with a query of its own, page after page (a rebuild's main cost)."""
    model_field = next((f for f in page._meta.concrete_fields if f.name == field.field_name), None)
    if isinstance(model_field, StreamField):
        return raw_searchable_content(model_field.stream_block, list(getattr(page, field.field_name).raw_data))
    return field.get_value(page)


def raw_searchable_content(block, raw):
    """What `block.get_searchable_content(value)` gives, from the value's raw data
    (as stored), without building the values of blocks that hold no text."""
    if not getattr(block, "search_index", True) or raw is None:
        return []
    if type(block).get_searchable_content is blocks.Block.get_searchable_content:
        return []  # an image, a page or a document chosen: an id, no text
    if isinstance(block, blocks.BaseStreamBlock):
        return [
            text
            for item in raw
            if item["type"] in block.child_blocks
            for text in raw_searchable_content(block.child_blocks[item["type"]], item["value"])
        ]
    if isinstance(block, blocks.BaseStructBlock) and (
        type(block).get_searchable_content is blocks.BaseStructBlock.get_searchable_content
    ):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in raw_searchable_content(child, raw.get(name, child.get_prep_value(child.get_default())))
        ]
    if (
        isinstance(block, blocks.ListBlock)
        and type(block).get_searchable_content is blocks.ListBlock.get_searchable_content
    ):
        items = [item["value"] if block._item_is_in_block_format(item) else item for item in raw]
        return [text for item in items for text in raw_searchable_content(block.child_block, item)]
    return block.get_searchable_content(block.to_python(raw))


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
        extras = search_extras(model)
        pages = list(
            model.objects.filter(pk__in=pks)
            .select_related(*(name for name in RELATED if name in fields), *extras.related)
            .prefetch_related(*(name for name in PREFETCHED if name in fields), *extras.prefetched)
        )
        if extras.prepare:
            extras.prepare(pages)
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
        "summary": plain_text([person.role, organisation_names(person.organisation)]),
        "body": plain_text(person.bio),
        "entries": [],
        "entry_titles": [],
    }


def page_doc_id(pk):
    return f"page-{pk}"


def person_doc_id(pk):
    return f"person-{pk}"
