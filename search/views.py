"""The search page (`/fr/recherche/`, `/en/search/`), its JSON API and the
autocomplete endpoint."""

import math
from types import SimpleNamespace

from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import Query

from .indexing import languages
from .models import SearchTermStat
from .query import MAX_RESULT_WINDOW, PER_PAGE, Filters, clean_query, other_language, promotions, search, suggestions

MAX_PAGE = MAX_RESULT_WINDOW // PER_PAGE


def _page_number(value):
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def log_search(query, language, found):
    """Counts the search in Wagtail's query hits and in our per-language statistics."""
    normalised = normalise_query_string(query)[:255]
    if not normalised:
        return
    missed = 0 if found else 1
    with transaction.atomic():
        Query.get(normalised).add_hit()
        stats = SearchTermStat.objects.filter(query_string=normalised, language=language)
        if not stats.update(
            hits=F("hits") + 1, zero_result_hits=F("zero_result_hits") + missed, last_searched_at=timezone.now()
        ):
            SearchTermStat.objects.create(query_string=normalised, language=language, hits=1, zero_result_hits=missed)


def search_url(language, **params):
    with translation.override(language):
        url = reverse("search")
    params = {key: value for key, value in params.items() if value}
    return f"{url}?{urlencode(params)}" if params else url


class PageLinks:
    """What editorial/includes/pagination.html reads, for results paged by the engine."""

    def __init__(self, number, total, url):
        self.paginator = SimpleNamespace(num_pages=max(1, math.ceil(min(total, MAX_RESULT_WINDOW) / PER_PAGE)))
        self.page = SimpleNamespace(number=min(number, self.paginator.num_pages))
        self._url = url

    @property
    def page_links(self):
        links, last, current = [], self.paginator.num_pages, self.page.number
        shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        previous = 0
        for number in shown:
            if number - previous > 1:
                links.append({"ellipsis": True})
            links.append({"number": number, "url": self._url(number), "current": number == current})
            previous = number
        return links

    @property
    def previous_url(self):
        return self._url(self.page.number - 1) if self.page.number > 1 else None

    @property
    def next_url(self):
        return self._url(self.page.number + 1) if self.page.number < self.paginator.num_pages else None


def _run(request, language):
    query = clean_query(request.GET.get("q", ""))
    filters = Filters.from_params(request.GET)
    number = _page_number(request.GET.get("page"))
    if not query:
        return query, filters, number, [], None
    promoted = promotions(request, query, language)
    outcome = search(
        request,
        query,
        language,
        filters,
        number,
        PER_PAGE,
        exclude_page_ids=[hit.page_id for hit in promoted if hit.page_id],
    )
    if number == 1 and not filters.as_dict():
        log_search(query, language, bool(outcome.total or promoted))
    return query, filters, number, promoted, outcome


def search_page(request):
    language = get_language()
    query, filters, number, promoted, outcome = _run(request, language)
    current = {"q": query, **filters.as_dict()}

    def url(**changes):
        params = {**current, **changes}
        return search_url(language, **params)

    context = {
        "query": query,
        "raw_query": request.GET.get("q", "")[:2000],
        "query_was_cut": len(" ".join(request.GET.get("q", "").split())) > len(query),
        "filters": filters,
        "promoted": promoted if number == 1 else [],
        "outcome": outcome,
        "language_alternates": {code: request.build_absolute_uri(search_url(code, q=query)) for code in languages()},
    }
    if outcome is not None:
        context["first_rank"] = (min(number, MAX_PAGE) - 1) * PER_PAGE + 1
        context["pagination"] = PageLinks(number, outcome.total, lambda n: url(page=n if n > 1 else ""))
        context["facet_groups"] = [
            (
                name,
                label,
                [
                    (value, url(**{name: "" if value.selected else value.value, "page": ""}))
                    for value in outcome.facets.get(name, [])
                ],
            )
            for name, label in facet_labels()
        ]
        context["reset_url"] = url(type="", topic="", year="", page="")
        if outcome.total == 0:
            other = other_language(language)
            context["other_language"] = {
                "count": outcome.other_language_count,
                "url": search_url(other, q=query),
                "name": language_names().get(other, other),
            }
            if outcome.spelling:
                context["spelling_url"] = url(q=outcome.spelling, type="", topic="", year="", page="")
    return render(request, "search/search_page.html", context, status=200)


def language_names():
    """Language names as they read inside a sentence ("1 résultat en anglais")."""
    return {"fr": _("français"), "en": _("anglais")}


def facet_labels():
    return [("type", _("Type de contenu")), ("topic", _("Thème")), ("year", _("Année"))]


def _language_param(request):
    code = request.GET.get("locale", "")
    return code if code in languages() else translation.get_supported_language_variant(get_language() or "fr")


def api_search(request):
    language = _language_param(request)
    with translation.override(language):
        query, filters, number, promoted, outcome = _run(request, language)
        hits = []
        for hit, promoted_flag in [(h, True) for h in promoted if number == 1] + [
            (h, False) for h in (outcome.hits if outcome else [])
        ]:
            hits.append(
                {
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url) if hit.url.startswith("/") else hit.url,
                    "type": hit.type_key,
                    "type_label": hit.type_label,
                    "date": hit.date.isoformat() if hit.date else None,
                    "excerpt": str(hit.excerpt),
                    "promoted": promoted_flag,
                    "match": {key: str(value) for key, value in hit.entry.items()} if hit.entry else None,
                }
            )
        data = {
            "query": query,
            "locale": language,
            "page": number,
            "total": outcome.total if outcome else 0,
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
    language = _language_param(request)
    query = clean_query(request.GET.get("q", ""))[:100]
    with translation.override(language):
        results = suggestions(request, query, language) if len(query) >= 2 else []
    return JsonResponse(
        {"query": query, "locale": language, "results": results}, json_dumps_params={"ensure_ascii": False}
    )
