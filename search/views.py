"""The search page (`/fr/recherche/`, `/en/search/`), its JSON API and the
autocomplete endpoint. Each reads the request once into a `SearchQuery`, runs
it, and shows the `SearchResults` with the URLs of `SearchLinks`."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .indexing import languages
from .links import SearchLinks
from .query import SearchQuery, requested_language, search, suggestions
from .query.suggestions import MAX_SUGGEST_LENGTH
from .query.value import PER_PAGE
from .stats import record


def _run(query, links):
    results = search(query)
    if results is None:
        return None
    record(query, results)
    return links.results(results)


def language_names():
    """Language names as they read inside a sentence ("1 résultat en anglais")."""
    return {"fr": _("français"), "en": _("anglais")}


def sort_labels():
    return [("relevance", _("pertinence")), ("date", _("date"))]


def facet_labels():
    return [("type", _("Type de contenu")), ("topic", _("Thème")), ("year", _("Année"))]


def search_page(request):
    query = SearchQuery.from_params(request.GET, get_language())
    links = SearchLinks(request, query)
    outcome = _run(query, links)
    context = {
        "query": query.text,
        "raw_query": query.typed,
        "query_was_cut": query.was_cut,
        "filters": query.filters,
        "promoted": outcome.promotions if outcome else [],
        "outcome": outcome,
        "language_alternates": links.alternates(languages()),
    }
    if outcome is not None:
        context["first_rank"] = (outcome.page - 1) * PER_PAGE + 1
        context["pagination"] = links.pagination(outcome)
        context["facet_groups"] = [
            (name, label, [(value, links.facet(name, value)) for value in outcome.facets.get(name, [])])
            for name, label in facet_labels()
        ]
        context["reset_url"] = links.reset()
        context["sort_links"] = [(label, links.sorted_by(value), value == query.sort) for value, label in sort_labels()]
        if outcome.total == 0:
            other = query.other_language
            # Said in the other language (and marked so): it is for readers of that language.
            with translation.override(other):
                name = language_names().get(other, other)
            context["other_language"] = {
                "count": outcome.other_language_count,
                "url": links.other_language(),
                "name": name,
                "code": other,
            }
            if outcome.spelling:
                context["spelling_url"] = links.spelling(outcome.spelling)
    return render(request, "search/search_page.html", context)


def _api_language(request):
    return requested_language(request.GET, translation.get_supported_language_variant(get_language() or "fr"))


def _hit_data(links, hit, promoted):
    entry = hit.entry
    return {
        "title": hit.title,
        "url": links.absolute(hit.url),
        "type": hit.type_key,
        "type_label": hit.type_label,
        "date": hit.date.isoformat() if hit.date else None,
        "excerpt": str(hit.excerpt),
        "promoted": promoted,
        "match": {"label": str(entry.label), "title": entry.title, "url": entry.url, "excerpt": str(entry.excerpt)}
        if entry
        else None,
    }


def api_search(request):
    query = SearchQuery.from_params(request.GET, _api_language(request))
    links = SearchLinks(request, query)
    with translation.override(query.language):
        outcome = _run(query, links)
        hits = []
        if outcome is not None:
            hits = [_hit_data(links, hit, True) for hit in outcome.promotions]
            hits += [_hit_data(links, hit, False) for hit in outcome.hits]
        data = {
            "query": query.text,
            "locale": query.language,
            "page": outcome.page if outcome else query.page,
            "sort": query.sort,
            "total": outcome.count if outcome else 0,
            "engine": bool(outcome and outcome.by_engine),
            "degraded": bool(outcome and outcome.degraded),
            "results": hits,
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
                for name, values in (outcome.facets.items() if outcome else [])
            },
        }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def api_suggest(request):
    query = SearchQuery.from_params(request.GET, _api_language(request))
    links = SearchLinks(request, query)
    with translation.override(query.language):
        hits = links.locate(suggestions(query))
    return JsonResponse(
        {
            "query": query.text[:MAX_SUGGEST_LENGTH],
            "locale": query.language,
            "results": [{"title": hit.title, "url": hit.url, "type": hit.type_label} for hit in hits],
        },
        json_dumps_params={"ensure_ascii": False},
    )
