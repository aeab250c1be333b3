"""Pages of mixed types as their specific instances in one query.

Wagtail's `.specific()` costs one query for the pages and one more per page
type among them; a list mixing reports, events and news (related items, a
topic's page, a person's page, the home page) or a URL resolved below the home
page pays it on every view. Here each page type's table is joined instead
(`select_related` on the reverse one-to-one link of multi-table inheritance),
so the specific pages come with the base rows; StreamFields can be left out
when the caller does not render them."""

from wagtail.fields import StreamField
from wagtail.models import Page


def _page_links(base):
    """(accessor, model) of the page types deriving from `base`, each joined to `Page`."""
    return [
        (relation.get_accessor_name(), relation.related_model)
        for relation in Page._meta.related_objects
        if relation.one_to_one and relation.parent_link and issubclass(relation.related_model, base)
    ]


def specific_pages(queryset, base=Page, defer_streamfields=False):
    """The pages of `queryset` (a `Page` queryset, order kept) as their specific
    instances of the types deriving from `base`, in one query; pages of
    other types come as they are."""
    links = _page_links(base)
    queryset = queryset.select_related(*(accessor for accessor, _model in links))
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
                # What was joined to the page (its locale, ...) comes with the specific page.
                for name, value in page._state.fields_cache.items():
                    specific._state.fields_cache.setdefault(name, value)
                page = specific
                break
        pages.append(page)
    return pages


def first_specific(queryset, base=Page):
    pages = specific_pages(queryset[:1], base)
    return pages[0] if pages else None
