"""Pages of mixed types as their specific instances in one query.

Wagtail's `.specific()` costs one query for the pages and one more per page
type among them; a list mixing reports, events and news (related items, a
topic's page) pays it on every view. Here each page type's table is joined
instead (`select_related` on the reverse one-to-one link of multi-table
inheritance), so the specific pages come with the base rows; StreamFields can
be left out when the caller does not render them. PostgreSQL plans a join of
more tables in exponential time (114 ms for the twelve page types of the site,
against 0.7 ms for four): past `MAX_JOINS` types, Wagtail's `.specific()` loads them.
The site has four content types; the fifth of the tests (tests/fake_type) is joined too,
so that a fifth type costs the queries four do: measured on the demo (PostgreSQL 15,
load 5), planning the base rows with 3, 4 and 5 types joined takes 0.5, 0.9 and
4.7 ms, about what the five queries more of `.specific()` would cost."""

from wagtail.fields import StreamField
from wagtail.models import Page

from .wagtail_compat import share_joined_relations

MAX_JOINS = 5


def _page_links(models):
    """(accessor, model) of `models` among the page types joined to `Page`."""
    return [
        (relation.get_accessor_name(), relation.related_model)
        for relation in Page._meta.related_objects
        if relation.one_to_one and relation.parent_link and relation.related_model in models
    ]


def specific_pages(queryset, models, defer_streamfields=False, for_view=False):
    """The pages of `queryset` (a `Page` queryset, order kept) as their specific
    instances of `models` (page types), in one query when they are few (else
    one more per type); pages of other types come as they are. `for_view` joins
    what each type's own view reads: its `view_related` foreign keys (a cover,
    a PDF) joined, then its `load_for_view()` (topics, authors, a programme)."""
    links = _page_links(models)
    if len(links) > MAX_JOINS:
        return list((queryset.defer_streamfields() if defer_streamfields else queryset).specific())
    joined = [accessor for accessor, _model in links]
    if for_view:
        joined += [f"{accessor}__{name}" for accessor, model in links for name in getattr(model, "view_related", ())]
    # Never `select_related()` without names: that joins every foreign key instead.
    queryset = queryset.select_related(*joined) if joined else queryset
    if defer_streamfields:
        queryset = queryset.defer(
            *(
                f"{accessor}__{field.name}"
                for accessor, model in links
                for field in model._meta.concrete_fields
                if isinstance(field, StreamField)
            )
        )
    pages = []
    for page in queryset:
        for accessor, _model in links:
            specific = getattr(page, accessor, None)
            if specific is not None:
                share_joined_relations(page, specific)
                page = specific
                break
        pages.append(page)
    if for_view:
        for _accessor, model in links:
            of_type = [page for page in pages if isinstance(page, model)]
            if of_type and hasattr(model, "load_for_view"):
                model.load_for_view(of_type)
    return pages
