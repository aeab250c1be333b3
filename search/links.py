"""Every URL the search page and its API show: results, their recommendations,
facets, pages of results, the other language, the API's absolute URLs. Built
here, from the request answered, and nowhere else."""

from dataclasses import dataclass, replace
from functools import cached_property

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from wagtail.models import Page

from editorial.listing import elided_page_links
from people.models import PeopleIndexPage
from topics.models import Topic, TopicIndexPage

from .query.value import MAX_RESULT_WINDOW, PER_PAGE, SORTS


def search_path(language):
    with translation.override(language):
        return reverse("search")


def search_url(language, **params):
    return _with_params(search_path(language), params)


def _with_params(path, params):
    params = {key: value for key, value in params.items() if value}
    return f"{path}?{urlencode(params)}" if params else path


@dataclass(frozen=True)
class Pagination:
    """What editorial/includes/pagination.html reads, for results paged by the search."""

    page: PaginatorPage
    page_links: list
    previous_url: str | None
    next_url: str | None

    @property
    def paginator(self):
        return self.page.paginator


class SearchLinks:
    def __init__(self, request, query):
        self.request = request
        self.query = query

    @cached_property
    def _path(self):
        # Reversed once: a page of results links it some sixty times (facets, pages, orders).
        return search_path(self.query.language)

    def search(self, **changes):
        """This search in its language with `changes` to its parameters ("" removes one)."""
        params = {"q": self.query.text, **self.query.filters.as_dict(), "sort": self._sort(), **changes}
        return _with_params(self._path, params)

    def _sort(self):
        """The `sort` parameter, left out for the default order."""
        return self.query.sort if self.query.by_date else ""

    def sorted_by(self, sort):
        """This search in another order, from its first page."""
        return self.search(sort="" if sort == SORTS[0] else sort, page="")

    def page(self, number):
        return self.search(page=number if number > 1 else "")

    def facet(self, name, value):
        """Choose `value` of facet `name`, or leave it when chosen; back to the first page."""
        return self.search(**{name: "" if value.selected else value.value, "page": ""})

    def reset(self):
        return self.search(type="", topic="", year="", page="")

    def spelling(self, text):
        return self.search(q=text, type="", topic="", year="", page="")

    def other_language(self):
        return search_url(self.query.other_language, q=self.query.text, sort=self._sort())

    def alternates(self, languages):
        return {code: self.absolute(search_url(code, q=self.query.text, sort=self._sort())) for code in languages}

    def absolute(self, url):
        return self.request.build_absolute_uri(url) if url.startswith("/") else url

    def target(self, obj):
        if isinstance(obj, Page):
            return obj.get_url(self.request) or ""
        if isinstance(obj, Topic):
            return TopicIndexPage.snippet_url(obj, self.request)
        return PeopleIndexPage.snippet_url(obj, self.request)

    def locate(self, hits):
        """`hits` with the URL of what each opens (and of the recommendation that matched)."""
        located = []
        for hit in hits:
            if hit.target is not None:
                url = self.target(hit.target)
                entry = hit.entry and replace(hit.entry, url=f"{url}#{hit.entry.anchor}")
                hit = replace(hit, url=url, entry=entry)
            located.append(hit)
        return located

    def results(self, results):
        return replace(results, hits=self.locate(results.hits), promotions=self.locate(results.promotions))

    def pagination(self, results):
        paginator = Paginator(range(min(results.total, MAX_RESULT_WINDOW)), PER_PAGE)
        page = paginator.get_page(results.page)
        return Pagination(
            page=page,
            page_links=elided_page_links(page, self.page),
            previous_url=self.page(page.previous_page_number()) if page.has_previous() else None,
            next_url=self.page(page.next_page_number()) if page.has_next() else None,
        )
