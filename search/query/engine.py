"""The search on the engine: the request body, and hits read back from its answer."""

import re
from datetime import date

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ..documents import listing_types, page_doc_id
from ..indexing import people_with_page, visible_pages
from .results import Entry, Hit, SearchResults, facets, person_hit
from .value import MAX_RESULT_WINDOW, PER_PAGE
from .visibility import hidden_page_ids

HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
SOURCE_FIELDS = ["kind", "object_id", "type", "type_label", "date", "summary"]
FACET_NAMES = ("type", "topic", "year")


# Two tiers. The words as typed first: every word (stemmed, or a synonym) in the
# page. When those pages do not fill the first page of results, the lenient tier
# adds, below them, the pages with every word the last one in part, or give or
# take a typo, then those with most words. Asked for every time, the lenient
# clauses cost most of a search at 100,000 pages: two common words make "most"
# either word (a third of the pages), each scored and counted for the facets, and
# a word in part expands to every word it starts (docs/search.md, search p95).
#
# One typo is forgiven per word of 5 letters or more, two from 12 letters
# ("survelliance"), never on the first letter; fuzzy matches skip synonyms (a
# fuzzy synonym graph is noise) and score below exact and stemmed ones.
# A fuzzy word builds an automaton per field searched and per hit highlighted: on
# bodies, or with two typos on every word, that tripled the time of a search at
# 10,000 pages. So typos are looked for in a page's titles and summary, unstemmed
# (`spelling`: stemming turns "litteratei" two edits away from "littératie"),
# and in titles of recommendations and sessions (copied to `spelling` too).
FUZZINESS = "AUTO:5,12"
# Most words: all but one of up to four words, three quarters beyond.
PARTIAL = "1<-1 4<75%"
HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=\w)-(?=\w)")
# A word typed in part ("intercommunal" for « Intercommunalités »), the last one
# as in a search box: a prefix of the words of the page, from this many letters
# (shorter ones would expand to a large share of the vocabulary).
PREFIX_FROM_LETTERS = 4


def _matching(text, fields, typo_fields, typo_analyzer, lenient):
    """Pages with every word; with `lenient`, below them, pages with every word
    give or take a typo, then with most words."""
    every_word = {
        "multi_match": {"query": text, "fields": fields, "type": "cross_fields", "operator": "and", "boost": 4}
    }
    if not lenient:
        return [every_word]
    return [
        every_word,
        {
            "multi_match": {
                "query": text,
                "fields": typo_fields,
                "type": "best_fields",
                "operator": "and",
                "fuzziness": FUZZINESS,
                "prefix_length": 1,
                "analyzer": typo_analyzer,
                "boost": 1.5,
            }
        },
        {
            "multi_match": {
                # A hyphenated name is one word to readers: "Ouest-France" is not
                # half found in "Oxfam France".
                "query": HYPHEN_BETWEEN_LETTERS.sub("", text),
                "fields": fields,
                "type": "cross_fields",
                "minimum_should_match": PARTIAL,
                "boost": 0.5,
            }
        },
    ]


def _typed_in_part(text, fields):
    """Every word, the last one as the start of a word of the page, scored below whole words."""
    words = text.split()
    if not words or len(words[-1]) < PREFIX_FROM_LETTERS:
        return []
    return [
        {
            "multi_match": {
                "query": text,
                "fields": fields,
                "type": "bool_prefix",
                "operator": "and",
                # Stemmed as the pages' words are, without synonyms (no prefix of a synonym).
                "analyzer": "text_index",
                "boost": 0.5,
            }
        }
    ]


def text_query(text, lenient=True):
    """The words (or synonyms; with `lenient`, the last one in part, near
    spellings or most of them) in the page's text, or in one recommendation or session."""
    return {
        "bool": {
            "should": [
                *_matching(text, ["title", "summary", "body"], ["spelling"], "words", lenient),
                *(_typed_in_part(text, ["title", "summary", "body"]) if lenient else []),
                {
                    "nested": {
                        "path": "entries",
                        "score_mode": "max",
                        "query": {
                            "bool": {
                                "should": _matching(
                                    text,
                                    ["entries.title^2", "entries.text"],
                                    ["entries.title^2"],
                                    "text_index",
                                    lenient,
                                )
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


def visible_only(query, hidden_page_ids):
    return {"bool": {"must": [query], "must_not": [{"ids": {"values": [page_doc_id(pk) for pk in hidden_page_ids]}}]}}


def _filter_clauses(filters):
    clauses = []
    if filters.type:
        clauses.append({"term": {"type": filters.type}})
    if filters.topic:
        clauses.append({"term": {"topics": filters.topic}})
    if filters.year:
        clauses.append({"term": {"year": int(filters.year)}})
    return clauses


# Newest first, then best match among pages of one day; people (no date) last.
DATE_ORDER = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]


def engine_body(text, filters, start, size, exclude_page_ids=(), by_date=False, lenient=True):
    return {
        **({"sort": DATE_ORDER} if by_date else {}),
        "query": {
            "bool": {
                "must": [text_query(text, lenient)],
                "should": [
                    {"match": {"title": {"query": text, "boost": 3}}},
                    {"match_phrase": {"title": {"query": text, "boost": 3}}},
                    {"match": {"summary": {"query": text, "boost": 1.5}}},
                ],
                "filter": _filter_clauses(filters),
                # Readers look for content, not for the listings of it (nor as a facet).
                "must_not": [
                    {"ids": {"values": [page_doc_id(pk) for pk in exclude_page_ids]}},
                    {"terms": {"type": listing_types()}},
                ],
            }
        },
        "from": start,
        "size": size,
        "_source": SOURCE_FIELDS,
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


def spelling_body(text):
    return {
        "size": 0,
        "suggest": {
            "text": text[:200],
            "spelling": {
                "phrase": {
                    "field": "spelling",
                    "size": 3,
                    "direct_generator": [{"field": "spelling", "suggest_mode": "popular"}],
                }
            },
        },
    }


def suggest_body(text, limit):
    return {
        "query": {"match": {"suggest": {"query": text, "operator": "and"}}},
        "size": limit,
        "_source": SOURCE_FIELDS,
    }


def _total(response):
    total = response["hits"]["total"]
    return total["value"] if isinstance(total, dict) else total


def engine_search(engine, query, exclude_page_ids=()):
    language = query.language
    page = query.page

    def ask(page, lenient):
        body = engine_body(query.text, query.filters, _start(page), PER_PAGE, exclude_page_ids, query.by_date, lenient)
        return engine.search_raw(language, body)

    lenient = False
    response = ask(page, lenient)
    if _total(response) < PER_PAGE:
        # Too few pages with every word as typed to fill a page: those first, then the lenient tier.
        lenient = True
        response = ask(page, lenient)
    total = _total(response)
    last = max(1, -(-min(total, MAX_RESULT_WINDOW) // PER_PAGE))
    if page > last:
        # A page number past the end (edited by hand, or the results shrank): the last page instead.
        page = last
        if total:
            response = ask(page, lenient)
    aggs = response.get("aggregations", {})
    buckets = {
        name: [(str(bucket["key"]), bucket["doc_count"]) for bucket in aggs.get(name, {}).get("buckets", [])]
        for name in FACET_NAMES
    }
    spelling, other_count = _when_nothing_found(engine, query, exclude_page_ids) if total == 0 else ("", 0)
    return SearchResults(
        hits=hydrate(language, response["hits"]["hits"]),
        total=total,
        page=page,
        facets=facets(language, query.filters, buckets),
        spelling=spelling,
        other_language_count=other_count,
        by_engine=True,
    )


def _when_nothing_found(engine, query, exclude_page_ids):
    """("Did you mean", the count in the other language) in two requests to the
    engine: the suggestions with that count, then whether each finds something.
    Only a suggestion that finds something is offered: never one that empties the page again."""
    language, other = query.language, query.other_language
    searches = [(language, spelling_body(query.text))]
    if other != language:
        searches.append((other, _count_body(visible_only(text_query(query.text), hidden_page_ids(other)))))
    suggested, *counted = engine.msearch_raw(searches)
    options = [
        option["text"]
        for option in suggested.get("suggest", {}).get("spelling", [{}])[0].get("options", [])
        if option["text"] != query.text.lower()
    ]
    checks = [(language, _count_body(visible_only(text_query(option), exclude_page_ids))) for option in options]
    found = engine.msearch_raw(checks) if checks else []
    spelling = next((option for option, answer in zip(options, found, strict=True) if _total(answer)), "")
    return spelling, _total(counted[0]) if counted else 0


def _count_body(query):
    return {"size": 0, "query": query, "track_total_hits": True}


def _start(page):
    return min((page - 1) * PER_PAGE, MAX_RESULT_WINDOW - PER_PAGE)


def hydrate(language, raw_hits):
    """Hits as readers see them, for what the database still shows them: a page
    unpublished a moment ago is left out even if the index lags. Type, date and
    summary come from the index, so one query checks every page of a hit list."""
    ids = {"page": [], "person": []}
    for raw in raw_hits:
        ids.setdefault(raw["_source"]["kind"], []).append(int(raw["_source"]["object_id"]))
    pages = {}
    if ids["page"]:
        pages = {page.pk: page for page in visible_pages(language).filter(pk__in=ids["page"]).select_related("locale")}
    people = {}
    if ids["person"]:
        people = {person.pk: person for person in people_with_page(language).filter(pk__in=ids["person"])}
    hits = []
    for raw in raw_hits:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = highlight.get("body") or highlight.get("summary")
        pk = int(source["object_id"])
        if source["kind"] == "page" and pk in pages:
            excerpt = (
                mark_safe(fragments[0])  # noqa: S308 - the engine escaped the text (HIGHLIGHT's html encoder) and added only <mark>
                if fragments
                else escape(Truncator(source.get("summary", "")).chars(220))
            )
            hits.append(
                Hit(
                    title=pages[pk].title,
                    type_key=source["type"],
                    type_label=source.get("type_label", ""),
                    date=date.fromisoformat(source["date"]) if source.get("date") else None,
                    excerpt=excerpt,
                    target=pages[pk],
                    entry=_entry(raw),
                )
            )
        elif source["kind"] == "person" and pk in people:
            hits.append(person_hit(people[pk], fragments[0] if fragments else ""))
    return hits


def _entry(raw):
    inner = raw.get("inner_hits", {}).get("entries", {}).get("hits", {}).get("hits", [])
    if not inner:
        return None
    source = inner[0]["_source"]
    fragments = inner[0].get("highlight", {}).get("entries.text", [])
    label = _("Recommandation %(number)s") % {"number": source["number"]} if source.get("number") else _("Session")
    return Entry(
        label=label,
        title=source.get("title", ""),
        anchor=source["anchor"],
        excerpt=mark_safe(fragments[0]) if fragments else "",  # noqa: S308 - the engine escaped the text (HIGHLIGHT's html encoder) and added only <mark>
    )
